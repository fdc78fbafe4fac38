import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * axe-core's browser build, evaluated in the page under test (it is not part of
 * the site). Evaluated, not added as a <script>: the site's Content-Security-Policy
 * rightly refuses scripts it does not know.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One failed rule, trimmed to what a person needs to find and fix it. */
export type AxeViolation = { rule: string; impact: string; help: string; targets: string[] };

/**
 * Runs axe-core on the page as it is now, with every rule axe runs by default
 * (WCAG 2.x A and AA, and best practices).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const options: RunOptions = { resultTypes: ['violations'] };
  const results = await page.evaluate(
    (o) =>
      (window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } }).axe.run(document, o),
    options,
  );
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** Fails with a readable list of every violation on the page (none passes). */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length === 0) return;
  const list = violations
    .map((v) => `- ${v.rule} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 5).join('\n    ')}`)
    .join('\n');
  throw new Error(`${violations.length} accessibility violation(s) on ${page.url()}:\n${list}`);
}
