import { startAppServer } from '../../scripts/local/server.ts';
import { seedAll } from '../../scripts/seed/index.ts';
import { createTestDb } from './db.ts';
import { startProjections } from './projections.ts';

/**
 * The real app (built web + API) on a free port, over this file's own
 * seeded table on the run's DynamoDB Local.
 */
export async function startTestApp() {
  const db = await createTestDb();
  const projections = await startProjections(db);
  await seedAll(db);
  await projections.settle(60_000);
  const app = await startAppServer(0);
  process.env.SITE_URL = app.url;
  return {
    db,
    url: app.url,
    /** Waits until the stream projections (the browse listing, name copies) have caught up with every write. */
    settle: () => projections.settle(),
    stop: async () => {
      await app.stop();
      await projections.stop();
    },
  };
}
