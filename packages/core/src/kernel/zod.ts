/**
 * zod for core: `import * as z from '../kernel/zod.ts'`. zod/mini, whose functions a
 * bundle keeps only when used (27 KB in the API function, where the chained `zod` API
 * cost 92 KB: issue 15), plus `preprocess`, which zod/mini leaves out.
 * Checks are written `z.string().check(z.trim(), z.maxLength(80, 'x.max'))`, wrappers
 * `z.optional(s)`, `z._default(s, v)`, `z.pipe(s, z.transform(f))`, `z.extend(s, {…})`.
 */

import * as z from 'zod/mini';
import { $constructor, $ZodPreprocess } from 'zod/v4/core';

export * from 'zod/mini';

/** A schema whose input is first passed through `fn` (a blank form field → undefined). */
export interface ZodMiniPreprocess<B extends z.core.SomeType = z.core.$ZodType>
  extends z.ZodMiniPipe<z.core.$ZodTransform<unknown, unknown>, B>,
    z.core.$ZodPreprocess<B, unknown> {
  _zod: z.core.$ZodPreprocessInternals<B, unknown>;
}

// zod's own constructors, typed loosely: what they build is typed by `preprocess` below.
const pipeInit = z.ZodMiniPipe.init as unknown as (inst: unknown, def: unknown) => void;
const preprocessInit = $ZodPreprocess.init as unknown as (inst: unknown, def: unknown) => void;
const Preprocess = /* @__PURE__ */ $constructor('ZodMiniPreprocess', (inst, def) => {
  pipeInit(inst, def);
  preprocessInit(inst, def);
});

/* @__NO_SIDE_EFFECTS__ */
export function preprocess<B extends z.core.SomeType>(
  fn: (value: unknown) => unknown,
  schema: B,
): ZodMiniPreprocess<B> {
  return new Preprocess({ type: 'pipe', in: z.transform(fn), out: schema }) as unknown as ZodMiniPreprocess<B>;
}
