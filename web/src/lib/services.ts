import { createDb, type Db } from '@bursa/core/db';
import { type Config, type Ctx, loadConfig, networkOf } from '@bursa/core/kernel';

/**
 * Built on first use and kept for the life of the Lambda container (or the
 * local server), so warm requests reuse DynamoDB connections.
 */
let services: { config: Config; db: Db } | undefined;

export function getServices() {
  if (!services) {
    const config = loadConfig();
    services = { config, db: createDb(config) };
  }
  return services;
}

/**
 * The one context use cases take, for the person behind this request
 * (middleware puts it in locals.ctx). `address` is the viewer's: its network
 * feeds the abuse limits; unknown only off CloudFront, then no per-network limit.
 */
export function contextFor(actor: Ctx['actor'], address = 'unknown'): Ctx {
  return { ...getServices(), actor, ...(address !== 'unknown' ? { client: networkOf(address) } : {}) };
}
