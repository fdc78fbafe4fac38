import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * How long each Lambda bundle takes to import in a fresh Node process (what a
 * cold start pays before the first request, less Lambda's own start): the
 * median of `runs` imports, each in its own process, with the environment a
 * deployed function has. Figures for `npm run bench`, asserting nothing.
 */
const ENV = {
  AWS_REGION: 'ap-southeast-3',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  TABLE_NAME: 'bench',
  MEDIA_BUCKET: 'bench-media',
  ORIGIN_DISTRIBUTION_ID: 'bench',
  ORIGIN_SECRET_ARN: 'arn:aws:secretsmanager:ap-southeast-3:000000000000:secret:bench',
  SITE_URL: 'https://bursa.example',
};

export function importMs(file: string, runs = 5): number | undefined {
  const script = `const t = performance.now(); await import(${JSON.stringify(path.resolve(file))}); process.stdout.write(String(performance.now() - t));`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    try {
      const out = execFileSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], {
        env: { PATH: process.env.PATH ?? '', ...ENV },
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 30_000,
      });
      times.push(Number(out.toString()));
    } catch {
      return undefined;
    }
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
