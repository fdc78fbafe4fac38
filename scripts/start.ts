import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalStackError } from './local/ports.ts';
import { removeStackInfo, writeStackInfo } from './local/running-stack.ts';
import { startStack } from './local/stack.ts';
import { DEMO_PASSWORD, demoLogins } from './seed/demo.ts';

/**
 * `npm start`: the whole product on this machine with embedded defaults.
 * Data lives in .data/ (git-ignored) and survives restarts.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw ? Number(raw) : fallback;
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    console.error(`${name} must be a port number between 1 and 65535, got "${raw}".`);
    process.exit(1);
  }
  return n;
};

try {
  const started = Date.now();
  const tableName = process.env.TABLE_NAME ?? 'bursa-local';
  const mediaBucket = process.env.MEDIA_BUCKET ?? 'bursa-media-local';
  const stack = await startStack({
    port: port('PORT', 4321),
    dynamodbPort: port('DYNAMODB_PORT', 8000),
    s3Port: port('S3_PORT', 4568),
    dataDir: path.join(root, '.data'),
    tableName,
    mediaBucket,
    seed: true,
  });
  // So `npm run officer` and `npm run seed` find this stack, whatever its ports.
  writeStackInfo({
    pid: process.pid,
    url: stack.url,
    dynamodbEndpoint: stack.dynamodb.endpoint,
    s3Endpoint: stack.s3.endpoint,
    tableName,
    mediaBucket,
  });
  console.log(`
  Bursa is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)

    Web + API   ${stack.url}
    English     ${stack.url}/en
    Health      ${stack.url}/api/health
    DynamoDB    ${stack.dynamodb.endpoint} (data in .data/dynamodb)
    S3          ${stack.s3.endpoint} (files in .data/s3)
    Mail        .data/outbox (not sent; read them at ${stack.url}/dev/kotak-keluar)

  Demo logins (password ${DEMO_PASSWORD}):
${demoLogins.map((d) => `    ${d.role.padEnd(12)}  ${d.login}`).join('\n')}

  Press Ctrl-C to stop.
`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Bursa…');
    removeStackInfo();
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (e) {
  if (e instanceof LocalStackError) {
    console.error(`\n  Bursa could not start: ${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
