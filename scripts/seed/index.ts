import type { Db } from '@bursa/core/db';
import { loadConfig } from '@bursa/core/kernel';
import { seedDemo } from './demo.ts';
import { seedRegions } from './regions.ts';
import { seedSeekers } from './seekers.ts';
import { seedShops } from './shops.ts';

/**
 * Reference and demo data, loaded idempotently: running it twice leaves the
 * same data. Features add their demo data here.
 */
export async function seedAll(
  db: Db,
  homeRegency = '36.71',
): Promise<{
  regions: number;
  companies: number;
  vacancies: number;
  seekers: number;
  applications: number;
  shops: number;
  products: number;
}> {
  const regions = await seedRegions(db);
  const config = loadConfig({ ...process.env, TABLE_NAME: db.tableName, HOME_REGENCY: homeRegency });
  const { employers, ...demo } = await seedDemo(db, config);
  const seekers = await seedSeekers(db, config, employers);
  const shops = await seedShops(db, config);
  return { regions, ...demo, ...seekers, ...shops };
}
