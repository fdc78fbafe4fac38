/**
 * Lets a function's bundle carry only the texts it can show.
 *
 * Core's message catalog (@bursa/core/messages) gathers every concept's texts in
 * both languages, about 57 KB minified, and a bundle that translates one code
 * carries all of them. A code is written in the code that raises it (a string:
 * `notFound('vacancy.not_found')`), or built from a prefix and a stored value
 * (`application.stage.${stage}`, a notification's kind). So scripts/bundle-functions.ts
 * bundles a function twice: first with empty catalogs, then with the keys this module
 * finds in that first output: each key written as a string, and each key under a
 * prefix the bundle builds keys from. The second bundle's code is the first's: only
 * the catalog's data differs.
 *
 * A code that would come from outside the bundle (another function's answer, an
 * item's stored code) must be turned into a key inside it the same way: search
 * errors are (search.remote.ts), stored notification facts are (notification.render.ts).
 * lambda-bundles.test.ts runs the real bundles' translations.
 */

/** A string literal or a template's head, as a minified bundle writes it: a dotted code, or a prefix ending in a dot. */
const CODE_LIKE = /(["'`])([a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)*(\.)?)(\1|\$\{)/g;

/** The keys of `keys` that `code` (a bundle) can look up. */
export function usedKeys(code: string, keys: Iterable<string>): Set<string> {
  const written = new Set<string>();
  const prefixes: string[] = [];
  for (const m of code.matchAll(CODE_LIKE)) {
    const [, , text = '', dot, end] = m;
    // `a.b.${x}` and "a.b." + x build keys under a.b.; a plain "a.b" is a key itself.
    if (end === '${' || dot) {
      const prefix = dot ? text : text.slice(0, text.lastIndexOf('.') + 1);
      if (prefix.includes('.')) prefixes.push(prefix);
    } else written.add(text);
  }
  const out = new Set<string>();
  for (const key of keys) if (written.has(key) || prefixes.some((p) => key.startsWith(p))) out.add(key);
  return out;
}

/** The source of a messages module holding only `keep`'s keys of its `id` and `en` texts. */
export function messagesModule(texts: { id: Record<string, string>; en: Record<string, string> }, keep: Set<string>) {
  const only = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).filter(([k]) => keep.has(k)));
  return `export const id = ${JSON.stringify(only(texts.id))};\nexport const en = ${JSON.stringify(only(texts.en))};\n`;
}
