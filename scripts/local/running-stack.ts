import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalStackError } from './ports.ts';

/**
 * How local command-line tools (`npm run officer`, `npm run seed`) find the
 * stack `npm start` is running, whatever ports it was given: `npm start`
 * writes `.data/stack.json` and removes it when it stops.
 */
export type StackInfo = {
  pid: number;
  url: string;
  dynamodbEndpoint: string;
  s3Endpoint: string;
  tableName: string;
  mediaBucket: string;
};

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const defaultStackFile = path.join(repoRoot, '.data', 'stack.json');

export function writeStackInfo(info: StackInfo, file = defaultStackFile): void {
  writeFileSync(file, `${JSON.stringify(info, null, 2)}\n`);
}

export function removeStackInfo(file = defaultStackFile): void {
  rmSync(file, { force: true });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else; still running.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The running stack's settings, if `npm start` is up (a file left by a crashed run is ignored). */
export function readRunningStack(file = defaultStackFile): StackInfo | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as StackInfo;
    return Number.isInteger(info.pid) && alive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Points process.env at the table a local tool should use: in AWS (STAGE other
 * than local, or DYNAMODB_ENDPOINT given) the environment as it is; else the
 * running `npm start`; else DYNAMODB_PORT if set; else a one-line error.
 */
/** useLocalStack for a command-line tool: on failure, the one-line message and exit 1. */
export function useLocalStackOrExit(): void {
  try {
    useLocalStack();
  } catch (e) {
    if (!(e instanceof LocalStackError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}

export function useLocalStack(env: NodeJS.ProcessEnv = process.env, file = defaultStackFile): void {
  if ((env.STAGE ?? 'local') !== 'local' || env.DYNAMODB_ENDPOINT) return;
  const running = readRunningStack(file);
  if (running) {
    env.DYNAMODB_ENDPOINT = running.dynamodbEndpoint;
    env.TABLE_NAME ??= running.tableName;
    env.S3_ENDPOINT ??= running.s3Endpoint;
    env.MEDIA_BUCKET ??= running.mediaBucket;
    return;
  }
  if (env.DYNAMODB_PORT) {
    env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${env.DYNAMODB_PORT}`;
    return;
  }
  throw new LocalStackError('Bursa is not running: start it with npm start in another terminal, then run this again.');
}
