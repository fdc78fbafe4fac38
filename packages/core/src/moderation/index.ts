/** Reports and the office's moderation queue. Import as `import * as Moderation from '@bursa/core/moderation'`. */

export {
  CASE_STATUSES,
  type CaseStatus,
  REPORT_KINDS,
  REPORT_REASONS,
  type ReportKind,
  type ReportReason,
} from './moderation.entity.ts';
export * as messages from './moderation.messages.ts';
export { canModerate, canReport } from './moderation.policy.ts';
export * from './moderation.queue.ts';
export type { TargetRef } from './moderation.schema.ts';
export { type Hidden, unavailable } from './moderation.targets.ts';
export * from './moderation.use-cases.ts';
