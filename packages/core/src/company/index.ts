/** Employers' companies and their members. Import as `import * as Company from '@bursa/core/company'`. */

export { MATERIAL_FIELDS, QUEUES, SECTORS, STATUSES } from './company.entity.ts';
export { findLookalike, type Lookalike, nameKeys, normaliseName, syncNameKeys } from './company.lookalike.ts';
export * as messages from './company.messages.ts';
export * as Moderation from './company.moderation.ts';
export {
  type CompanyCapabilities,
  type CompanyViewer,
  canReviewQueue,
  capabilities,
  hasPending,
} from './company.policy.ts';
export { reject, revoke, verify } from './company.review.ts';
export type { CompanyFields } from './company.schema.ts';
export * from './company.use-cases.ts';
