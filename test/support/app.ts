import { startAppServer } from '../../scripts/local/server.ts';
import { seedAll } from '../../scripts/seed/index.ts';
import { createTestDb } from './db.ts';

/**
 * The real app (built web + API) on a free port, over this file's own
 * seeded table on the run's DynamoDB Local.
 */
export async function startTestApp() {
  const db = await createTestDb();
  await seedAll(db);
  const app = await startAppServer(0);
  process.env.SITE_URL = app.url;
  return { db, url: app.url, stop: app.stop };
}
