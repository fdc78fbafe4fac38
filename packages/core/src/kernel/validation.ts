import type { z } from 'zod';
import { type FieldIssue, ValidationError } from './errors.ts';

/** Parses input with a zod schema; a failure becomes a ValidationError listing every offending field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  throw new ValidationError(fields);
}
