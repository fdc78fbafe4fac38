import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
// The recorder alone, not the db barrel: this function never touches DynamoDB (nor zod, nor the kernel).
import { recordAwsActions } from '@bursa/core/db/action-recorder';
import { createRotationHandler } from './origin-secret.ts';

/** Secrets Manager's rotation function for the origin secret (infra's OriginSecret). */
const distributionId = process.env.ORIGIN_DISTRIBUTION_ID;
if (!distributionId) throw new Error('ORIGIN_DISTRIBUTION_ID is not set');

export const handler = createRotationHandler({
  secrets: recordAwsActions(new SecretsManagerClient({})),
  // CloudFront is global; its API is signed for us-east-1 whatever region the function runs in.
  cloudfront: recordAwsActions(new CloudFrontClient({ region: 'us-east-1' })),
  distributionId,
});
