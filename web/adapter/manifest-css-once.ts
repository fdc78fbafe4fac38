/**
 * Astro's server manifest carries each route's inline CSS (`build.inlineStylesheets:
 * 'always'`, so a page needs no stylesheet request on a slow network) as one string
 * per route: the global styles and every component's, repeated in each of ~80
 * routes (566 KB of CSS made of about 500 distinct rules, 51 KB). For the web
 * Lambda the bundle step (scripts/bundle-functions.ts) rewrites the manifest so
 * each distinct top-level rule is stored once and each route's styles are the list
 * of its rules, joined back when the bundle loads: the same manifest, about 490 KB
 * less to load on every cold start (issue 15).
 */

/** Astro's serialized manifest: one line of the server build. */
const MANIFEST = /^var _manifest = deserializeManifest\((\{.*\})\);$/m;
const MARK = '@@bursa-css-';

/** A stylesheet cut after each top-level block (`a{…}`, `@media …{…}`); joined, the pieces are the stylesheet. */
export function splitRules(css: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      out.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < css.length) out.push(css.slice(start));
  return out;
}

type Manifest = { routes?: { styles?: { content?: unknown }[] }[] };

/**
 * The source with its manifest's inline styles stored once per rule, or
 * undefined when the source holds no manifest. Throws if a stylesheet would
 * not come back exactly (it always should: the pieces are cut, never changed).
 */
export function cssOnce(source: string): string | undefined {
  const found = MANIFEST.exec(source);
  if (!found?.[1]) return undefined;
  if (source.includes(MARK)) throw new Error(`manifest-css-once: the build already contains ${MARK}`);
  const manifest = JSON.parse(found[1]) as Manifest;
  const rules: string[] = [];
  const index = new Map<string, number>();
  const lists: number[][] = [];
  for (const route of manifest.routes ?? [])
    for (const style of route.styles ?? []) {
      if (typeof style.content !== 'string') continue;
      const pieces = splitRules(style.content);
      if (pieces.join('') !== style.content) throw new Error('manifest-css-once: a stylesheet did not split back');
      lists.push(
        pieces.map((p) => {
          let i = index.get(p);
          if (i === undefined) {
            i = rules.push(p) - 1;
            index.set(p, i);
          }
          return i;
        }),
      );
      style.content = `${MARK}${lists.length - 1}@@`;
    }
  const literal = JSON.stringify(manifest).replace(
    new RegExp(`"${MARK}(\\d+)@@"`, 'g'),
    (_, k: string) => `__bursaCss(${JSON.stringify(lists[Number(k)])})`,
  );
  const table = `var __bursaRules=${JSON.stringify(rules)};var __bursaCss=(ix)=>ix.map((i)=>__bursaRules[i]).join("");`;
  return source.replace(MANIFEST, () => `${table}var _manifest = deserializeManifest(${literal});`);
}
