/** Applications and the hiring funnel. Import as `import * as Application from '@bursa/core/application'`. */
export { FUNNEL_EVENTS, REJECT_REASONS, type RejectReason, STAGES, type Stage } from './application.entity.ts';
export { countChange, fromImage, funnelDelta } from './application.funnel.ts';
export * from './application.lists.ts';
export * as messages from './application.messages.ts';
export {
  ACTIVE,
  type ApplicationCapabilities,
  type ApplicationViewer,
  canSeePipeline,
  capabilities,
  MOVES,
} from './application.policy.ts';
export type { ApplicantsQuery, ApplyInput } from './application.schema.ts';
export * from './application.stages.ts';
export * from './application.use-cases.ts';
