import { optionalField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { COUNTERS } from './outcome.entity.ts';

/** Columns of the kelurahan table, each sortable (`?urut=<column>&arah=asc|desc`). */
export const SORT_COLUMNS = ['name', 'district', ...COUNTERS, 'hireRate'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'outcome.month.invalid'));

/** The dashboard's filters, as the page's GET form and the downloads send them. */
export const dashboardSchema = z.object({
  from: optionalField(month),
  to: optionalField(month),
  districtCode: optionalField(z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}$/, 'outcome.district.invalid'))),
  villageCode: optionalField(z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'outcome.village.invalid'))),
  fairId: optionalField(z.string().check(z.maxLength(40))),
  programmeId: optionalField(z.string().check(z.maxLength(40))),
  cohortId: optionalField(z.string().check(z.maxLength(40))),
  sort: optionalField(z.enum(SORT_COLUMNS, 'outcome.sort.invalid')),
  dir: optionalField(z.enum(['asc', 'desc'], 'outcome.sort.invalid')),
});
export type DashboardQuery = z.input<typeof dashboardSchema>;
