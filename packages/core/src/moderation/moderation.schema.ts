import * as z from 'zod';
import { ID_PATTERN } from '../kernel/ids.ts';
import { optionalField } from '../kernel/validation.ts';
import { REPORT_KINDS, REPORT_REASONS } from './moderation.entity.ts';

const id = z.string().regex(ID_PATTERN, 'moderation.target');
const optionalId = optionalField(id);

/** What is reported: its kind and id, and for products, posts and comments where they live. */
export const targetSchema = z.object({
  kind: z.enum(REPORT_KINDS, 'moderation.target'),
  id,
  shopId: optionalId,
  postId: optionalId,
});
export type TargetRef = z.output<typeof targetSchema>;

export const reportSchema = targetSchema.extend({
  reason: z.enum(REPORT_REASONS, 'moderation.reason'),
  note: optionalField(z.string().trim().max(500, 'moderation.note')),
});

export const queueSchema = z.object({
  status: z.enum(['open', 'hidden'], 'moderation.target').default('open'),
  cursor: optionalField(z.string().max(600)),
});

const caseKey = { kind: z.enum(REPORT_KINDS, 'moderation.target'), id };
export const hideSchema = z.object({
  ...caseKey,
  reason: z.string().trim().min(5, 'moderation.hide_reason').max(500, 'moderation.hide_reason'),
});
export const decideSchema = z.object({
  ...caseKey,
  reason: optionalField(z.string().trim().max(500, 'moderation.note')),
});
