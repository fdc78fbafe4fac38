import { describe, expect, it } from 'vitest';
import { CORE_SOURCE, markPureCalls } from './pure-calls.ts';

const P = '/* @__PURE__ */ ';
const mark = (src: string) => markPureCalls(src, 'x.ts');

describe('markPureCalls', () => {
  it('marks each schema and use case chain once, at its start', () => {
    expect(mark("const s = z.string().trim().max(80, 'x.max');")).toBe(
      `const s = ${P}z.string().trim().max(80, 'x.max');`,
    );
    expect(mark('export const close = fn(closeSchema, async (i, ctx) => i);')).toBe(
      `export const close = ${P}fn(closeSchema, async (i, ctx) => i);`,
    );
    expect(mark('const k = keySchema.extend({ id: z.string() });')).toBe(
      `const k = ${P}keySchema.extend({ id: ${P}z.string() });`,
    );
    expect(mark('const o = z.object({ a: optionalField(z.string()) });')).toBe(
      `const o = ${P}z.object({ a: ${P}optionalField(${P}z.string()) });`,
    );
  });
  it('leaves calls made for their effect, and every other call, as they are', () => {
    expect(mark('z.config(en());')).toBe('z.config(en());');
    expect(mark('const t = Date.now(); send(schema);')).toBe('const t = Date.now(); send(schema);');
    expect(mark('type T = z.infer<typeof s>;')).toBe('type T = z.infer<typeof s>;');
  });
  it('applies to core’s sources, not its tests nor other packages', () => {
    expect(CORE_SOURCE.test('/r/packages/core/src/vacancy/vacancy.use-cases.ts')).toBe(true);
    expect(CORE_SOURCE.test('/r/packages/core/src/vacancy/vacancy.test.ts')).toBe(false);
    expect(CORE_SOURCE.test('/r/functions/src/events/stream.ts')).toBe(false);
  });
});
