import { timingSafeEqual } from 'node:crypto';
import { getSecretValue } from '@bursa/core/aws';
import { unavailable } from '@bursa/core/db';
import { DomainError } from '@bursa/core/kernel';

/**
 * CloudFront adds this header, carrying a secret only it and the functions
 * know (infra's OriginSecret), to every request it sends to a function URL.
 * Function URLs are public, so this is how a function tells a request that
 * came through CloudFront (whose CloudFront-Viewer-Address it can trust) from
 * one sent straight to it.
 *
 * Where the expected value comes from:
 *   - ORIGIN_SECRET_ARN (AWS): read from Secrets Manager at run time, never from
 *     the environment. Every version a rotation may have CloudFront send is
 *     accepted: AWSCURRENT, AWSPENDING (CloudFront switches before the labels
 *     move) and AWSPREVIOUS (edges still on the old value while the
 *     distribution deploys). Cached; a value not in the cache triggers one
 *     refresh, at most every REFRESH_AFTER_MISS_MS, so forged headers cannot
 *     turn into a Secrets Manager bill.
 *   - ORIGIN_SECRET: a fixed value (tests, or hosting without Secrets Manager).
 *   - neither: allowed only on stage `local` (no CloudFront). Anywhere else
 *     the check FAILS CLOSED: every request is refused.
 */
export { ORIGIN_HEADER } from './origin-header.ts';

/** The rotation stages whose values CloudFront may be sending (see infra's origin-secret rotation). */
export const ACCEPTED_STAGES = ['AWSCURRENT', 'AWSPENDING', 'AWSPREVIOUS'] as const;
/** How long fetched values are trusted without a miss. */
export const CACHE_MS = 15 * 60_000;
/** After a miss, how long before another miss may fetch again. */
export const REFRESH_AFTER_MISS_MS = 30_000;

type OriginConfig = { originSecret?: string | undefined; originSecretArn?: string | undefined; stage: string };

export interface OriginGuard {
  /** Whether a request presenting this header value came through CloudFront. */
  allows(presented: string | null | undefined): Promise<boolean>;
}

/** Reads every value CloudFront may be sending (missing stages are skipped). */
export type SecretValues = () => Promise<string[]>;

const guards = new WeakMap<object, OriginGuard>();

/** The guard for this configuration (one per config object, so its cache lives as long as the function). */
export function originGuard(config: OriginConfig): OriginGuard {
  let guard = guards.get(config);
  if (!guard) {
    guard = createOriginGuard(config);
    guards.set(config, guard);
  }
  return guard;
}

export function createOriginGuard(
  config: OriginConfig,
  read: SecretValues | undefined = config.originSecretArn ? secretsManagerValues(config.originSecretArn) : undefined,
  now: () => number = () => Date.now(),
): OriginGuard {
  if (config.originSecret) {
    const fixed = [config.originSecret];
    return { allows: async (presented) => matchesAny(fixed, presented) };
  }
  if (!read) {
    const open = config.stage === 'local';
    return { allows: async () => open };
  }
  let values: string[] = [];
  let loadedAt = Number.NEGATIVE_INFINITY;
  let loading: Promise<void> | undefined;
  const load = () => {
    loading ??= read()
      .then((v) => {
        values = v;
        loadedAt = now();
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  };
  return {
    async allows(presented) {
      if (!presented) return false;
      const stale = now() - loadedAt > CACHE_MS;
      if (stale) await loadOrKeep(load, values.length > 0);
      if (matchesAny(values, presented)) return true;
      // A value we have not seen: perhaps a rotation began since we loaded. Look again, rarely.
      if (!stale && now() - loadedAt > REFRESH_AFTER_MISS_MS) {
        await loadOrKeep(load, values.length > 0);
        return matchesAny(values, presented);
      }
      return false;
    },
  };
}

/** Loads; when Secrets Manager fails, keeps serving known values, and with none refuses as unavailable (503, not 403). */
async function loadOrKeep(load: () => Promise<void>, haveValues: boolean): Promise<void> {
  try {
    await load();
  } catch (error) {
    if (haveValues) return;
    console.error('origin secret: Secrets Manager unavailable', error);
    throw unavailable();
  }
}

function matchesAny(expected: string[], presented: string | null | undefined): boolean {
  const b = Buffer.from(presented ?? '');
  let ok = false;
  // Every candidate is compared (no early exit), each in constant time.
  for (const value of expected) {
    const a = Buffer.from(value);
    if (a.length === b.length && timingSafeEqual(a, b)) ok = true;
  }
  return ok;
}

/**
 * The secret's values at every accepted stage, from Secrets Manager (over
 * fetch: @bursa/core/aws; `endpoint` for a stand-in). A stage no version
 * carries (no rotation under way, or never rotated) has no value.
 */
export function secretsManagerValues(
  secretId: string,
  o: { region?: string; endpoint?: string; attempts?: number } = {},
): SecretValues {
  const region = o.region ?? process.env.AWS_REGION ?? 'ap-southeast-3';
  return async () => {
    const found = await Promise.all(
      ACCEPTED_STAGES.map((versionStage) =>
        getSecretValue({
          region,
          secretId,
          versionStage,
          ...(o.endpoint ? { endpoint: o.endpoint } : {}),
          ...(o.attempts ? { attempts: o.attempts } : {}),
        }),
      ),
    );
    return [...new Set(found.filter((v): v is string => Boolean(v)))];
  };
}

/** Throws 403 `request.direct_access` unless the request came through CloudFront. */
export async function assertCameThroughCloudFront(
  config: OriginConfig,
  presented: string | null | undefined,
): Promise<void> {
  if (!(await originGuard(config).allows(presented))) {
    throw new DomainError('forbidden', 'request.direct_access');
  }
}
