import type { Db } from '@bursa/core';
import { seedRegions } from './regions.ts';

/**
 * Reference and demo data, loaded idempotently: running it twice leaves the
 * same data. Features add their demo data here.
 */
export async function seedAll(db: Db): Promise<{ regions: number }> {
  return { regions: await seedRegions(db) };
}
