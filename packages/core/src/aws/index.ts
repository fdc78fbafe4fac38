/** AWS calls over fetch with SigV4 (no SDK client): S3 objects and presigned forms and links, Lambda Invoke. Import as `import { S3 } from '@bursa/core/aws'`. */

export type { CloudFrontTarget } from './cloudfront.ts';
export * as CloudFront from './cloudfront.ts';
export { invokeLambda } from './lambda.ts';
export * as S3 from './s3.ts';
export { getSecretValue, type SecretsTarget, secretsManager } from './secrets.ts';
export { sendEmail } from './ses.ts';
export { type AwsCredentials, AwsError, credentialsFromEnv, presignUrl, signRequest } from './sigv4.ts';
