import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalStackError } from './ports.ts';
import { readRunningStack, removeStackInfo, useLocalStack, writeStackInfo } from './running-stack.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'bursa-stack-'));
const file = path.join(dir, 'stack.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const info = {
  pid: process.pid,
  url: 'http://localhost:4390',
  dynamodbEndpoint: 'http://127.0.0.1:8090',
  s3Endpoint: 'http://127.0.0.1:4590',
  tableName: 'bursa-local',
  mediaBucket: 'bursa-media-local',
};

describe('local tools find the running stack', () => {
  it('uses the endpoints npm start wrote, whatever ports it was given', () => {
    writeStackInfo(info, file);
    const env: NodeJS.ProcessEnv = {};
    useLocalStack(env, file);
    expect(env).toMatchObject({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8090', TABLE_NAME: 'bursa-local' });
  });

  it('ignores a file left behind by a stack that is no longer running', () => {
    writeStackInfo({ ...info, pid: 2 ** 22 + 12345 }, file);
    expect(readRunningStack(file)).toBeUndefined();
    const env: NodeJS.ProcessEnv = { DYNAMODB_PORT: '8123' };
    useLocalStack(env, file);
    expect(env.DYNAMODB_ENDPOINT).toBe('http://127.0.0.1:8123');
  });

  it('says in one line how to start it when nothing runs', () => {
    removeStackInfo(file);
    expect(() => useLocalStack({}, file)).toThrow(LocalStackError);
    expect(() => useLocalStack({}, file)).toThrow(/npm start/);
  });

  it('leaves a deployed stage alone', () => {
    const env: NodeJS.ProcessEnv = { STAGE: 'prod', TABLE_NAME: 'bursa-prod' };
    useLocalStack(env, file);
    expect(env.DYNAMODB_ENDPOINT).toBeUndefined();
  });
});
