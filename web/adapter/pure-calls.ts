import ts from 'typescript';

/**
 * Lets bundles leave out the use cases and schemas a function never uses.
 *
 * A concept module defines its use cases and zod schemas at load:
 * `export const close = fn(closeSchema, …)` and `const closeSchema = z.object({…})`.
 * A bundler cannot know those calls do nothing but build a value, so it keeps every
 * one of them, and with them the whole module, as soon as a function uses one helper
 * from it. esbuild reads `@__NO_SIDE_EFFECTS__` on `fn` only inside fn's own file.
 *
 * This transform marks as pure (`/* @__PURE__ *\/`) each call chain in core's modules
 * that starts at `z`, `fn`, a helper that builds a schema, or a `…Schema` value, when
 * its value is used (a call made for its effect alone, a statement, is left as it is).
 * A pure call with pure arguments is dropped when nothing reads its value. An argument
 * a bundler must still assume may run code (an object spread `{ ...key }`, a property
 * read such as `schema.shape`) keeps its declaration in every bundle: a few of core's
 * schemas still do, at a small cost; avoid them in new ones.
 *
 * Used by scripts/bundle-functions.ts for the functions' esbuild bundles. The web's Vite
 * build gains nothing from it (its pages use most of core), and the tests and `astro dev`
 * run core as written: only the bundles change, and lambda-bundles.test.ts checks them.
 */
const PURE_ROOTS = new Set(['z', 'fn', 'optionalField', 'whenValid', 'checkedInside']);

/** Core's own source files, not its tests. */
export const CORE_SOURCE = /[\\/]packages[\\/]core[\\/]src[\\/].*(?<!\.test)\.ts$/;

function rootOf(e: ts.Expression): ts.Expression {
  let x = e;
  while (ts.isCallExpression(x) || ts.isPropertyAccessExpression(x)) x = x.expression;
  return x;
}

const pureRoot = (e: ts.Expression) => ts.isIdentifier(e) && (PURE_ROOTS.has(e.text) || e.text.endsWith('Schema'));

/** The source with each such call chain marked; positions only move by the inserted comments. */
export function markPureCalls(source: string, file: string): string {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const at: number[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n)) {
      const p = n.parent;
      // Only the outermost call of a chain: `z.string().max(80)` is marked once, before `z`.
      const inChain = ts.isPropertyAccessExpression(p) && p.expression === n;
      if (!inChain && !ts.isExpressionStatement(p) && pureRoot(rootOf(n))) at.push(n.getStart(sf));
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  let out = source;
  for (const pos of at.sort((a, b) => b - a)) out = `${out.slice(0, pos)}/* @__PURE__ */ ${out.slice(pos)}`;
  return out;
}
