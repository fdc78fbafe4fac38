/** Job vacancies: posting, editing, closing, browsing. Import as `import * as Vacancy from '@bursa/core/vacancy'`. */
export { get } from './vacancy.access.ts';
export { close, reopen } from './vacancy.closing.ts';
export { countStatusChange, statusCounts, statusCountWrites, type VacancyStatusCounts } from './vacancy.counts.ts';
export { CLOSE_OUTCOMES, HOLD_REASONS, VACANCY_STATUSES, VACANCY_TYPES } from './vacancy.entity.ts';
export {
  ConfirmationRequired,
  FAR_CLOSING_MONTHS,
  MANY_OPENINGS,
  type Warning,
  warningsOf,
} from './vacancy.fields.ts';
export {
  type CompanyCopies,
  fromImage,
  listingItems,
  listingPartition,
  refreshCompanyCopies,
  relistAll,
  syncListing,
  type VacancyFilter,
  type VacancySummary,
} from './vacancy.listing.ts';
export * from './vacancy.lists.ts';
export * as messages from './vacancy.messages.ts';
export * as Moderation from './vacancy.moderation.ts';
export { type Hold, type HoldReason, MONEY_PHRASES, moneyPhrases } from './vacancy.money.ts';
export {
  canReviewQueue,
  capabilities,
  effectiveStatus,
  type VacancyCapabilities,
  type VacancyViewer,
} from './vacancy.policy.ts';
export { everyOpen, getMany, isComplete } from './vacancy.reads.ts';
export { approve, reject, reviewQueue } from './vacancy.review.ts';
export { type BrowseQuery, CONFIRMATIONS, type Confirmation, type VacancyFields } from './vacancy.schema.ts';
export * from './vacancy.use-cases.ts';
