/** Job seekers' profiles and CVs. Import as `import * as Profile from '@bursa/core/profile'`. */

export { GENDERS, PROGRAMMES } from './profile.entity.ts';
export * as messages from './profile.messages.ts';
export { capabilities, type ProfileCapabilities, type ProfileViewer } from './profile.policy.ts';
export { looksLikeNik, type ProfileFields } from './profile.schema.ts';
export * from './profile.use-cases.ts';
