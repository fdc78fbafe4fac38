import { ID_PATTERN } from '../kernel/ids.ts';
import { optionalField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { REPORT_KINDS, REPORT_REASONS } from './moderation.entity.ts';

const id = z.string().check(z.regex(ID_PATTERN, 'moderation.target'));
const optionalId = optionalField(id);

/** What is reported: its kind and id, and for products, posts and comments where they live. */
export const targetSchema = z.object({
  kind: z.enum(REPORT_KINDS, 'moderation.target'),
  id,
  shopId: optionalId,
  postId: optionalId,
});
export type TargetRef = z.output<typeof targetSchema>;

export const reportSchema = z.extend(targetSchema, {
  reason: z.enum(REPORT_REASONS, 'moderation.reason'),
  note: optionalField(z.string().check(z.trim(), z.maxLength(500, 'moderation.note'))),
});

export const queueSchema = z.object({
  status: z._default(z.enum(['open', 'hidden'], 'moderation.target'), 'open'),
  cursor: optionalField(z.string().check(z.maxLength(600))),
});

const caseKey = { kind: z.enum(REPORT_KINDS, 'moderation.target'), id };
export const hideSchema = z.object({
  ...caseKey,
  reason: z
    .string()
    .check(z.trim(), z.minLength(5, 'moderation.hide_reason'), z.maxLength(500, 'moderation.hide_reason')),
});
export const decideSchema = z.object({
  ...caseKey,
  reason: optionalField(z.string().check(z.trim(), z.maxLength(500, 'moderation.note'))),
});
