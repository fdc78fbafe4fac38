import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cssOnce, splitRules } from './manifest-css-once.ts';

const serverBuild = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/server');

/** The manifest a source would hand Astro at load: its manifest statements run with deserializeManifest as identity. */
function loadManifest(source: string) {
  const start = source.search(/^var (__bursaRules|_manifest)\b/m);
  const line = source.slice(start, source.indexOf('\n', start) === -1 ? undefined : source.indexOf('\n', start));
  return new Function('deserializeManifest', `${line}\nreturn _manifest;`)((m: unknown) => m);
}

const manifestLine = (routes: unknown[]) =>
  `import x from "y";\nvar _manifest = deserializeManifest(${JSON.stringify({ base: '/', routes })});\nexport { _manifest };\n`;

describe('the web manifest with each CSS rule once', () => {
  it('cuts a stylesheet after each top-level block, nested @media whole, and joins back to the same text', () => {
    const css = ':root{--a:1}body{margin:0}@media (width>=640px){h1{font-size:2rem}.x{a:b}}a{color:red}';
    expect(splitRules(css)).toEqual([
      ':root{--a:1}',
      'body{margin:0}',
      '@media (width>=640px){h1{font-size:2rem}.x{a:b}}',
      'a{color:red}',
    ]);
    expect(splitRules(`${css}/* end */`).join('')).toBe(`${css}/* end */`);
  });

  it('gives Astro the same manifest, with what routes share stored once', () => {
    const global = ':root{--c-bg:#f7f7f4}body{margin:0}h1{font-size:1.6rem}';
    const routes = [
      { file: '', styles: [{ type: 'inline', content: `${global}.a[data-astro-cid-1]{color:red}` }] },
      { file: '', styles: [{ type: 'inline', content: `${global}.b[data-astro-cid-2]{color:blue}` }] },
      { file: '', styles: [] },
      { file: '', styles: [{ type: 'external', src: '/_astro/x.css' }] },
    ];
    const source = manifestLine(routes);
    const out = cssOnce(source) as string;
    expect(loadManifest(out)).toEqual(loadManifest(source));
    // The global rules appear once, not once per route.
    expect(out.split('--c-bg').length - 1).toBe(1);
    expect(out.startsWith('import x from "y";\n')).toBe(true);
    expect(out.endsWith('export { _manifest };\n')).toBe(true);
  });

  it('leaves a source without a manifest alone', () => {
    expect(cssOnce('export const a = 1;\n')).toBeUndefined();
  });

  it("on this build's manifest (npm run build first): the same manifest, several hundred KB smaller", () => {
    const file = readdirSync(serverBuild, { recursive: true })
      .map((f) => path.join(serverBuild, String(f)))
      .filter((f) => f.endsWith('.mjs'))
      .find((f) => readFileSync(f, 'utf8').includes('var _manifest = deserializeManifest('));
    expect(file, 'the Astro server build holds a manifest').toBeDefined();
    const source = readFileSync(file as string, 'utf8');
    const out = cssOnce(source) as string;
    expect(loadManifest(out)).toEqual(loadManifest(source));
    expect(source.length - out.length).toBeGreaterThan(300_000);
  });
});
