/** Abuse limits: one atomic limiter for every write that can be abused. Import as `import * as Limit from '@bursa/core/limit'`. */
export * as messages from './limit.messages.ts';
export { RULES, type Rule } from './limit.rules.ts';
export * from './limit.use-cases.ts';
