import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder above this file whose package.json
 * declares npm workspaces. Walking up (instead of a fixed '../..') keeps working
 * when SST bundles sst.config.ts and this file into one .mjs in the current
 * working directory, where import.meta.url no longer points into infra/.
 */
export function repoRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && 'workspaces' in JSON.parse(readFileSync(pkg, 'utf8'))) return dir;
    if (dir === path.dirname(dir)) throw new Error(`No workspace root (package.json with "workspaces") above ${from}`);
  }
}

/**
 * A build output folder (relative to the repo root) that infra deploys as is.
 * Infra never builds: `npm run build` owns bundling, so what runs in AWS is
 * exactly what the tests and `npm run bench` measured.
 */
export function buildOutput(relative: string): string {
  const dir = path.join(repoRoot(), relative);
  if (!existsSync(dir)) throw new Error(`${relative} is missing: run npm run build first`);
  return dir;
}
