/** Employers' companies and their members. Import as `import { Company } from '@bursa/core/company'`. */

export { SECTORS, STATUSES } from './company.entity.ts';
export * as messages from './company.messages.ts';
export { type CompanyCapabilities, type CompanyViewer, capabilities } from './company.policy.ts';
export type { CompanyFields } from './company.schema.ts';
export * from './company.use-cases.ts';
export * as Company from './index.ts';
