/** Job fairs: fairs, booths, interview slots, tickets and check-in. Import as `import * as Fair from '@bursa/core/fair'`. */

export * from './fair.booth-reads.ts';
export * from './fair.booths.ts';
export { BOOTH_STATUSES, FAIR_MODES, FAIR_STATUSES, type FairMode, type FairStatus, SLOT_HOW } from './fair.entity.ts';
export * as messages from './fair.messages.ts';
export { boothCapabilities, canManageFairs, type FairCapabilities, fairCapabilities } from './fair.policy.ts';
export * from './fair.reminders.ts';
export * from './fair.report.ts';
export type { FairFields } from './fair.schema.ts';
export * from './fair.slots.ts';
export * from './fair.tickets.ts';
export * from './fair.use-cases.ts';
