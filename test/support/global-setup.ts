import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../scripts/local/dynamodb-local.ts';

/** One in-memory DynamoDB Local for the whole run (a JVM per file would not fit two cores). */
export default async function setup(project: TestProject) {
  const dynamodb = await startDynamoDbLocal();
  // Vitest 5 re-exports ProvidedContext under an alias, so module augmentation cannot type this key.
  (project.provide as (key: string, value: unknown) => void)('dynamodbEndpoint', dynamodb.endpoint);
  return () => dynamodb.stop();
}
