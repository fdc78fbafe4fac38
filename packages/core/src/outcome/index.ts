/** The office's live outcomes: jobs and market counters by month and kelurahan. Import as `import * as Outcome from '@bursa/core/outcome'`. */

export { countOutcome, monthOf, type OutcomeDelta, outcomeDelta, outcomeWrites, scopesOf } from './outcome.counting.ts';
export { type Dashboard, dashboard } from './outcome.dashboard.ts';
export { COUNTERS, type Counter, type Counts } from './outcome.entity.ts';
export { type Cell, exportCsv, exportName, exportTable } from './outcome.export.ts';
export * as messages from './outcome.messages.ts';
export { canSeeOutcomes } from './outcome.policy.ts';
export { hireRate, monthsBetween, type Row, shiftMonth, sortRows } from './outcome.reads.ts';
export { type DashboardQuery, SORT_COLUMNS, type SortColumn } from './outcome.schema.ts';
