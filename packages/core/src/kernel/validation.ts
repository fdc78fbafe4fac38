import { type FieldIssue, type MessageParams, ValidationError } from './errors.ts';
import * as z from './zod.ts';

/**
 * Parses input with a zod schema; a failure becomes a ValidationError listing
 * every offending field at once. Schemas give message keys, not sentences
 * (`z.string().check(z.minLength(3, 'vacancy.title.min'))`); a check without one gets a
 * generic key for its kind, so no issue ever reaches a person untranslated.
 */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const { data, issues } = check(schema, input);
  if (issues.length) throw new ValidationError(issues);
  return data as z.output<S>;
}

/**
 * Like parseInput, but hands back the issues instead of throwing, so a use
 * case can add its own checks (against stored data) and report them all together.
 */
export function check<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
): { data?: z.output<S>; issues: FieldIssue[] } {
  // Ill-formed Unicode (a lone UTF-16 surrogate) in any text is refused at the boundary:
  // stored, it would break every page that encodes it (share links, headers).
  const malformed = malformedText(input);
  if (malformed.length) return { issues: malformed.map((path) => ({ path, code: 'request.field.malformed_text' })) };
  const result = schema.safeParse(input);
  return result.success ? { data: result.data, issues: [] } : { issues: result.error.issues.map(toFieldIssue) };
}

const KEY = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;

function toFieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  const path = issue.path.map(String).join('.') || '(root)';
  const params: MessageParams = {};
  if ('minimum' in issue && (typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint'))
    params.min = Number(issue.minimum);
  if ('maximum' in issue && (typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint'))
    params.max = Number(issue.maximum);
  const code = KEY.test(issue.message) ? issue.message : genericCode(issue);
  return Object.keys(params).length ? { path, code, params } : { path, code };
}

function genericCode(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return 'request.field.too_small';
    case 'too_big':
      return 'request.field.too_big';
    case 'invalid_type':
      return issue.input === undefined ? 'request.field.required' : 'request.field.invalid';
    case 'unrecognized_keys':
      return 'request.field.unknown';
    default:
      return 'request.field.invalid';
  }
}

/** Form fields arrive as strings: an empty one means "not given". */
export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** An optional field where a blank string counts as absent. */
export const optionalField = <T extends z.ZodMiniType>(schema: T) => z.preprocess(blankToUndefined, z.optional(schema));

/** Paths of every string in the input (nested) that is not well-formed Unicode. */
export function malformedText(input: unknown, path = '', depth = 0): string[] {
  if (typeof input === 'string') return input.isWellFormed() ? [] : [path || '(root)'];
  if (!input || typeof input !== 'object' || depth > 20) return [];
  const entries = Array.isArray(input) ? input.map((v, i) => [String(i), v] as const) : Object.entries(input);
  return entries.flatMap(([key, value]) => malformedText(value, path ? `${path}.${key}` : key, depth + 1));
}

/** Text safe to encode anywhere (a lone surrogate from before the boundary check becomes U+FFFD). */
export const wellFormed = (text: string) => text.toWellFormed();

/**
 * A posted form's flat names as the nested input core's schemas read:
 * `experience.0.title` → `{ experience: [{ title }] }`. Numeric segments make
 * arrays (holes dropped), so issue paths (`experience.0.title`) name the very
 * input they belong to. Names with no dot pass through unchanged.
 */
export function unflatten(values: Record<string, string>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const parts = name.split('.');
    if (parts.some((p) => p === '' || p === '__proto__' || p === 'constructor' || p === 'prototype')) continue;
    let node: Record<string, unknown> = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = value;
        return;
      }
      const next = node[part];
      node[part] = next && typeof next === 'object' ? next : {};
      node = node[part] as Record<string, unknown>;
    });
  }
  return arraysFromIndexes(root) as Record<string, unknown>;
}

function arraysFromIndexes(node: unknown): unknown {
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, arraysFromIndexes(v)] as const);
  if (entries.length > 0 && entries.every(([k]) => /^\d{1,2}$/.test(k))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v);
  }
  return Object.fromEntries(entries);
}

/**
 * A list of form rows where a row left entirely blank is no row at all. Blank
 * rows are dropped after validation, so an issue's path (`experience.2.title`)
 * still names the row the person typed in.
 */
export function formRows<T extends z.ZodMiniType>(row: T, max: number, maxCode: string) {
  const isBlank = (v: unknown) =>
    v !== null &&
    typeof v === 'object' &&
    Object.values(v as Record<string, unknown>).every((x) => typeof x !== 'string' || x.trim() === '');
  const rows = z.preprocess(
    (v) => (v === undefined ? [] : v),
    z.array(z.preprocess((v) => (isBlank(v) ? null : v), z.nullable(row))),
  );
  const filled = z.pipe(
    rows,
    z.transform((list) => list.filter((r) => r !== null)),
  );
  return z.pipe(filled, z.array(z.any()).check(z.maxLength(max, maxCode))) as unknown as z.ZodMiniType<
    z.output<T>[],
    unknown
  >;
}

/**
 * An object refinement that also runs when other fields are wrong (zod skips it
 * by default), so a form shows every mistake at once; it still waits while a
 * field it reads (`paths`) or the object itself is wrong.
 * `.superRefine(check, whenValid('startDate', 'endDate'))`.
 */
export function whenValid(...paths: string[]) {
  return {
    when: (payload: z.core.ParsePayload) =>
      payload.value !== null &&
      typeof payload.value === 'object' &&
      payload.issues.every((i) => (i.path?.length ?? 0) > 0 && !paths.includes(String(i.path?.[0]))),
  };
}

/**
 * One field of an object schema parsed on its own: its value when valid, else
 * undefined. Lets a use case check stored data (a kelurahan in its kecamatan,
 * a taken handle) while other fields are wrong, and report it all at once.
 */
export function validField<S extends z.ZodMiniObject, K extends keyof S['shape'] & string>(
  schema: S,
  input: unknown,
  name: K,
): z.output<S['shape'][K]> | undefined {
  const value = input && typeof input === 'object' ? (input as Record<string, unknown>)[name] : undefined;
  const field = schema.shape[name] as z.ZodMiniType;
  const result = field.safeParse(value);
  return result.success ? (result.data as z.output<S['shape'][K]>) : undefined;
}

/**
 * A use case's input as callers type it, parsed by the use case itself with
 * `check` so that checks against stored data join the schema's issues in one
 * answer: `fn(checkedInside(companyFieldsSchema), async (input, ctx) => …)`.
 */
export const checkedInside = <S extends z.ZodMiniType>(_schema: S) =>
  z.custom<z.input<S>>((v) => v !== null && typeof v === 'object', 'request.field.invalid');
