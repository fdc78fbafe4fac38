import { createRotationHandler } from './origin-secret.ts';

/** Secrets Manager's rotation function for the origin secret (infra's OriginSecret). */
const distributionId = process.env.ORIGIN_DISTRIBUTION_ID;
if (!distributionId) throw new Error('ORIGIN_DISTRIBUTION_ID is not set');

export const handler = createRotationHandler({
  // Over fetch (@bursa/core/aws); AWS_ENDPOINT_URL_SECRETS_MANAGER and _CLOUDFRONT point them elsewhere, as for the SDK.
  secrets: { region: process.env.AWS_REGION ?? 'ap-southeast-3' },
  // CloudFront is global; its API is signed for us-east-1 whatever region the function runs in.
  cloudfront: {},
  distributionId,
});
