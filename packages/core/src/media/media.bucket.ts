import type { Bucket } from '../aws/s3.ts';
import type { Config } from '../kernel/config.ts';

/** The media bucket as Bursa's own S3 calls address it (aws/s3.ts): what the functions use. */
export const mediaBucket = (config: Pick<Config, 'region' | 'mediaBucket' | 's3Endpoint'>): Bucket => ({
  region: config.region,
  bucket: config.mediaBucket,
  endpoint: config.s3Endpoint,
});
