import { type Config, createDb, type Db, loadConfig } from '@bursa/core';

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
