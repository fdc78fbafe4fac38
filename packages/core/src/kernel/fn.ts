import type { Ctx } from './ctx.ts';
import { parseInput } from './validation.ts';
import type * as z from './zod.ts';

/**
 * A use case: its input schema and what it does with the parsed input.
 * Callers write `Vacancy.close(ctx, { id, reason })`; the input is parsed once
 * (every wrong field reported together) and adapters can read `.schema`.
 */
// Pure (bundlers read the annotation), so a bundle may leave out a use case nothing calls.
/* @__NO_SIDE_EFFECTS__ */
export function fn<S extends z.ZodMiniType, R>(schema: S, run: (input: z.output<S>, ctx: Ctx) => Promise<R>) {
  // async: bad input is a rejected promise like every other failure, never a synchronous throw.
  return Object.assign(async (ctx: Ctx, input: z.input<S>) => run(parseInput(schema, input), ctx), { schema });
}
