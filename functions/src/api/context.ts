import type { Session } from '@bursa/core/account';
import type { Db } from '@bursa/core/db';
import type { Config, Ctx, Locale } from '@bursa/core/kernel';

/** What every handler may use: built once per Lambda container, passed in so tests use real local services. */
export type Deps = { config: Config; db: Db };

/**
 * Per-request variables, set by the middleware in app.ts and session.ts:
 * `locale` from Accept-Language (Indonesian unless the client prefers English),
 * `session` (undefined for anonymous visitors), and `ctx`, the one context
 * every use case takes.
 */
export type ApiEnv = {
  Variables: { deps: Deps; locale: Locale; session: Session | undefined; ctx: Ctx };
};
