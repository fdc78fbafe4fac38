import type { Config, Db } from '@bursa/core';

/** What every handler may use: built once per Lambda container, passed in so tests use real local services. */
export type Deps = { config: Config; db: Db };
export type ApiEnv = { Variables: { deps: Deps } };
