import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { DomainError, type FieldIssue, type MessageParams, ValidationError } from '../kernel/errors.ts';
import { formatRupiah } from '../kernel/format.ts';
import { todayInJakarta } from '../kernel/time.ts';
import { check } from '../kernel/validation.ts';
import type * as z from '../kernel/zod.ts';
import * as Region from '../region/index.ts';
import * as Wage from '../wage/index.ts';
import {
  type Confirmation,
  type DraftFields,
  draftShape,
  type PublishedFields,
  publishShape,
} from './vacancy.schema.ts';

/**
 * The vacancy form's checks, all in one pass: every field on its own (so a
 * wrong title does not hide a wrong salary), then the rules across fields on
 * whatever was valid — salary order, the kecamatan and kelurahan against the
 * regency, and, when publishing, a closing date not in the past, a way to
 * apply and the minimum wage — then the plausibility warnings the publisher
 * must confirm. Errors and warnings come back in the same answer.
 */

/**
 * A warning to confirm: its stable code (what `confirm` lists), the message
 * key that explains it, and whether this request confirmed it.
 */
export type Warning = { code: Confirmation; key: string; params?: MessageParams; confirmed?: boolean };

/**
 * Refused with warnings (400): some are not confirmed yet, or fields are wrong
 * as well. Its code is `vacancy.confirm_required` when only confirmations are
 * missing, else `request.invalid`; `details.fields` and `details.warnings` list both.
 */
export class ConfirmationRequired extends DomainError {
  readonly fields: FieldIssue[];
  readonly warnings: Warning[];
  constructor(fields: FieldIssue[], warnings: Warning[]) {
    super('validation', fields.length ? 'request.invalid' : 'vacancy.confirm_required', {
      details: { ...(fields.length ? { fields } : {}), warnings },
    });
    this.fields = fields;
    this.warnings = warnings;
  }
}

/** The warnings a refusal carries (none for any other error): the form shows a checkbox for each. */
export const warningsOf = (e: unknown): Warning[] => (e instanceof ConfirmationRequired ? e.warnings : []);

/** A full-time or contract job pays at least the UMK; part-time below it is confirmed; apprenticeships (uang saku) and overseas placements are exempt. */
const MUST_PAY_UMK = new Set(['full_time', 'contract']);
const WARN_BELOW_UMK = new Set(['part_time']);
export const FAR_CLOSING_MONTHS = 6;
export const MANY_OPENINGS = 1000;

type Checked = { publishing: true; fields: PublishedFields } | { publishing: false; fields: DraftFields };

/**
 * Checks a vacancy's fields for a draft (`publishing` false: only the title is
 * required) or for publishing (everything). `confirmed` are the warnings the
 * publisher confirmed; `alreadyConfirmed` those an open vacancy was published
 * with (an edit does not ask again for what it already had).
 */
export async function checkFields(
  ctx: Ctx,
  input: Record<string, unknown>,
  options: { publishing: boolean; confirmed: readonly Confirmation[]; alreadyConfirmed?: readonly Confirmation[] },
): Promise<Checked> {
  const { publishing } = options;
  const { values, issues } = checkEach(publishing ? publishShape : draftShape, input);
  const v = values as Partial<PublishedFields>;
  const today = todayInJakarta(nowOf(ctx));

  if (v.salaryMin !== undefined && v.salaryMax !== undefined && v.salaryMin > v.salaryMax)
    issues.push({ path: 'salaryMax', code: 'vacancy.salary.order' });

  const regency = await Region.getCached(ctx.db, ctx.config.homeRegency);
  if (v.districtCode !== undefined) issues.push(...Region.locationIssues(regency, v.districtCode, v.villageCode));
  else if (v.villageCode !== undefined && !hasIssue(issues, 'districtCode'))
    issues.push({ path: 'districtCode', code: 'vacancy.district.required' });

  const warnings: Warning[] = [];
  if (publishing) {
    if (v.closingDate !== undefined && v.closingDate < today)
      issues.push({ path: 'closingDate', code: 'vacancy.closing_date.past' });
    if (
      v.applyInBursa === false &&
      !v.contactPhone &&
      !v.contactEmail &&
      !hasIssue(issues, 'contactPhone', 'contactEmail')
    )
      issues.push({ path: 'applyInBursa', code: 'vacancy.apply.none' });
    const umk = belowMinimumWage(ctx.config.homeRegency, today, v);
    if (umk && MUST_PAY_UMK.has(umk.type))
      issues.push({ path: umk.path, code: 'vacancy.salary.below_umk', params: umk.params });
    if (umk && WARN_BELOW_UMK.has(umk.type))
      warnings.push({ code: 'below_umk', key: 'vacancy.confirm.below_umk', params: umk.params });
    if (v.closingDate !== undefined && v.closingDate > addMonths(today, FAR_CLOSING_MONTHS))
      warnings.push({
        code: 'far_closing',
        key: 'vacancy.confirm.far_closing',
        params: { months: FAR_CLOSING_MONTHS },
      });
    if (v.openings !== undefined && v.openings > MANY_OPENINGS)
      warnings.push({
        code: 'many_openings',
        key: 'vacancy.confirm.many_openings',
        params: { openings: v.openings, max: MANY_OPENINGS },
      });
  }
  // Warnings an open vacancy already had were confirmed when it was published: not asked again.
  const asked = warnings
    .filter((w) => !options.alreadyConfirmed?.includes(w.code))
    .map((w) => ({ ...w, confirmed: options.confirmed.includes(w.code) }));
  // With wrong fields, the warnings come along (confirmed ones ticked), so the next try needs no extra round.
  if (asked.some((w) => !w.confirmed) || (issues.length && asked.length)) throw new ConfirmationRequired(issues, asked);
  if (issues.length) throw new ValidationError(issues);
  return publishing ? { publishing, fields: values as PublishedFields } : { publishing, fields: values as DraftFields };
}

/**
 * The warnings a published vacancy was accepted with (those it still has):
 * an edit asks again only for a warning it did not have.
 */
export function warningsConfirmedBefore(
  regencyCode: string,
  today: string,
  v: Partial<PublishedFields>,
): Confirmation[] {
  const out: Confirmation[] = [];
  const umk = belowMinimumWage(regencyCode, today, v);
  if (umk && WARN_BELOW_UMK.has(umk.type)) out.push('below_umk');
  if (v.closingDate !== undefined && v.closingDate > addMonths(today, FAR_CLOSING_MONTHS)) out.push('far_closing');
  if (v.openings !== undefined && v.openings > MANY_OPENINGS) out.push('many_openings');
  return out;
}

/**
 * Whether the monthly salary (the maximum if given, else the minimum) is below
 * the regency's UMK in force today; no salary given, no check. The message
 * names the UMK's year, which is the latest recorded if this year's is not yet.
 */
function belowMinimumWage(regencyCode: string, today: string, v: Partial<PublishedFields>) {
  const salary = v.salaryMax ?? v.salaryMin;
  if (salary === undefined || v.type === undefined) return undefined;
  const umk = Wage.minimumWage(regencyCode, today);
  if (!umk || salary >= umk.monthly) return undefined;
  return {
    type: v.type,
    path: v.salaryMax !== undefined ? 'salaryMax' : 'salaryMin',
    params: { regency: umk.regencyName, year: umk.year, umk: formatRupiah(umk.monthly) },
  };
}

/** Each field checked on its own: the valid values, and every issue with its path from the top. */
function checkEach(shape: Record<string, z.ZodMiniType>, input: Record<string, unknown>) {
  const values: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    const result = check(schema, input[key]);
    for (const issue of result.issues)
      issues.push({ ...issue, path: issue.path === '(root)' ? key : `${key}.${issue.path}` });
    if (!result.issues.length && result.data !== undefined) values[key] = result.data;
  }
  return { values, issues };
}

const hasIssue = (issues: FieldIssue[], ...paths: string[]) => issues.some((i) => paths.includes(i.path));

/** The same day `months` later (YYYY-MM-DD), or the month's last day when it has no such day (31 Aug + 6 = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}
