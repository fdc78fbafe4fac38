import { afterAll } from 'vitest';
import { stopFileDynamo } from './dynamodb.ts';

/**
 * Every test file's last hook (a setup file's afterAll runs after the file's own,
 * once its servers and pollers are stopped): its DynamoDB Local goes.
 */
afterAll(() => stopFileDynamo(), 60_000);
