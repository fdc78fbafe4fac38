import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { Db } from '@bursa/core/db';
import { type Config, loadConfig, newId } from '@bursa/core/kernel';
import * as Media from '@bursa/core/media';
import { mediaClient } from '@bursa/core/media-client';
import { processUpload } from '@bursa/functions/images/process';
import { seedDemo } from './demo.ts';
import { seedFairs } from './fairs.ts';
import { seedOutcomes } from './outcomes.ts';
import { seedProgrammes } from './programmes.ts';
import { seedRegions } from './regions.ts';
import { seedReports } from './reports.ts';
import { seedSeekers } from './seekers.ts';
import { seedShops } from './shops.ts';

/** A drawn photo → the media bucket's uploads/ → the image function, as a phone's upload goes. */
function photoPipeline(db: Db, config: Config) {
  return async (ownerId: string, body: Buffer, visibility?: 'private'): Promise<string> => {
    const imageId = newId();
    const key = Media.uploadKeyOf(ownerId, imageId, visibility);
    await mediaClient(config).send(new PutObjectCommand({ Bucket: config.mediaBucket, Key: key, Body: body }));
    // Runs it here and waits (the bucket event may run it as well: the result is the same).
    await processUpload(config, db, key);
    return imageId;
  };
}

/**
 * Reference and demo data, loaded idempotently: running it twice leaves the
 * same data. Features add their demo data here.
 */
export async function seedAll(
  db: Db,
  homeRegency = '36.71',
  options: {
    /** Draw the demo shops' photos and put them through the image function (needs the local S3). */
    photos?: boolean;
    /**
     * Fewer people and shops (6 job seekers, 4 shops): for the browser tests,
     * which each seed their own table and look at pages, not at volumes.
     */
    small?: boolean;
    /**
     * The year of backdated activity behind the office's dashboard (seed/outcomes.ts; on by
     * default, as `npm start` has it). Tests that look at anything else leave it out: it is
     * thousands of stream records, and scripts/seed/outcomes.test.ts tests it on its own.
     */
    history?: boolean;
  } = {},
): Promise<{
  regions: number;
  companies: number;
  vacancies: number;
  seekers: number;
  applications: number;
  shops: number;
  products: number;
  posts: number;
  orders: number;
  fairs: number;
}> {
  const regions = await seedRegions(db);
  const config = loadConfig({ ...process.env, TABLE_NAME: db.tableName, HOME_REGENCY: homeRegency });
  const { employers, ...demo } = await seedDemo(db, config);
  const { actors, ...seekers } = await seedSeekers(db, config, employers, options.small ? 5 : 30);
  const fairs = await seedFairs(db, config, employers, actors);
  const shops = await seedShops(
    db,
    config,
    options.photos ? photoPipeline(db, config) : undefined,
    options.small ? 4 : undefined,
  );
  // The office's programmes and cohorts: their lists hold demo sellers and seekers (completions badge their shops).
  await seedProgrammes(db, config, { small: options.small ?? false });
  // A year of backdated activity for the office's outcomes dashboard (after the programmes: participants count in their cohorts).
  if (options.history !== false)
    await seedOutcomes(db, config, { employers, seekers: actors, small: options.small ?? false });
  // Reports waiting in the office's queue.
  await seedReports(db, config, employers, actors);
  return { regions, ...demo, ...seekers, fairs, ...shops };
}
