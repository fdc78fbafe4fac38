/** The office's append-only audit log. Import as `import * as Audit from '@bursa/core/audit'`. */

export { ACTIONS, type Action, TARGETS, type TargetType } from './audit.entity.ts';
export * as messages from './audit.messages.ts';
export { canReadAudit } from './audit.policy.ts';
export * from './audit.use-cases.ts';
