import { z } from 'zod';
import { type FieldIssue, type MessageParams, ValidationError } from './errors.ts';

/**
 * Parses input with a zod schema; a failure becomes a ValidationError listing
 * every offending field at once. Schemas give message keys, not sentences
 * (`z.string().min(3, 'vacancy.title.min')`); a check without one gets a
 * generic key for its kind, so no issue ever reaches a person untranslated.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const { data, issues } = check(schema, input);
  if (issues.length) throw new ValidationError(issues);
  return data as z.output<S>;
}

/**
 * Like parseInput, but hands back the issues instead of throwing, so a use
 * case can add its own checks (against stored data) and report them all together.
 */
export function check<S extends z.ZodType>(schema: S, input: unknown): { data?: z.output<S>; issues: FieldIssue[] } {
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
export const optionalField = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** Paths of every string in the input (nested) that is not well-formed Unicode. */
export function malformedText(input: unknown, path = '', depth = 0): string[] {
  if (typeof input === 'string') return input.isWellFormed() ? [] : [path || '(root)'];
  if (!input || typeof input !== 'object' || depth > 20) return [];
  const entries = Array.isArray(input) ? input.map((v, i) => [String(i), v] as const) : Object.entries(input);
  return entries.flatMap(([key, value]) => malformedText(value, path ? `${path}.${key}` : key, depth + 1));
}

/** Text safe to encode anywhere (a lone surrogate from before the boundary check becomes U+FFFD). */
export const wellFormed = (text: string) => text.toWellFormed();
