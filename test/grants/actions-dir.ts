import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Global setup (once per run, before any worker starts): a fresh folder for
 * the AWS actions the entry points send (packages/core/src/db/action-recorder.ts),
 * exported as BURSA_AWS_ACTIONS_DIR so every forked worker, and the bundles
 * they load, record into it; test/grants reads it at the end. One folder per
 * run, named after the run's process, so stale files cannot satisfy the
 * check and two runs at once in one checkout do not clobber each other;
 * folders of runs that have ended are removed (the last one stays to inspect).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/.cache/bursa-aws-actions');

const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export default function setup() {
  mkdirSync(root, { recursive: true });
  for (const name of readdirSync(root)) {
    const pid = Number(name.split('-')[0]);
    if (!Number.isInteger(pid) || !running(pid)) rmSync(path.join(root, name), { recursive: true, force: true });
  }
  const dir = path.join(root, `${process.pid}-${Date.now()}`);
  mkdirSync(dir);
  process.env.BURSA_AWS_ACTIONS_DIR = dir;
}
