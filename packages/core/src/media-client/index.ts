import { S3Client } from '@aws-sdk/client-s3';
import { recordAwsActions } from '../db/action-recorder.ts';
import type { Config } from '../kernel/config.ts';

const clients = new WeakMap<Config, S3Client>();

/**
 * One SDK S3 client per configuration, for the scripts and tests that put demo
 * and test files. Not for the functions: they call S3 over fetch (aws/s3.ts,
 * through `Media.mediaBucket`), and this folder stays out of their bundles
 * (imported, the SDK's S3 client is about 110 KB of any bundle). Locally
 * (S3_ENDPOINT) it talks to the in-process local S3 with path-style URLs and
 * its fixed keys; checksums only when required, or streamed uploads are
 * stored with aws-chunked framing (docs: STACK-NOTES).
 */
export function mediaClient(config: Config): S3Client {
  let client = clients.get(config);
  if (!client) {
    client = recordAwsActions(
      new S3Client({
        region: config.region,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        ...(config.s3Endpoint
          ? {
              endpoint: config.s3Endpoint,
              forcePathStyle: true,
              credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
            }
          : {}),
      }),
    );
    clients.set(config, client);
  }
  return client;
}
