import type { Actor, Config, Db, Session } from '@bursa/core';

/** What every handler may use: built once per Lambda container, passed in so tests use real local services. */
export type Deps = { config: Config; db: Db };

/**
 * Per-request variables. `session` and `actor` are set by the session
 * middleware (session.ts) on every request: undefined for anonymous visitors.
 */
export type ApiEnv = {
  Variables: { deps: Deps; session: Session | undefined; actor: Actor | undefined };
};
