import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles
 * (scripts/bundle-functions.ts and web/astro.config.ts alias it). In Lambda the
 * execution role's credentials are always in the environment, so the default
 * chain's other sources (SSO, shared ini files, process, web identity, IMDS,
 * and the STS/SSO clients they pull in) are dead weight in every cold start.
 * Locally the clients get explicit credentials (db/client.ts) and never ask.
 */
export const defaultProvider = (_init?: unknown) => fromEnv();
