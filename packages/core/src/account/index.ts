/** Accounts, sign-in and sessions. Import as `import * as Account from '@bursa/core/account'`. */

export { DEVICE_DAYS } from './account.device.ts';
export type { LoginIdentifier } from './account.identifiers.ts';
export {
  contactPhoneSchema,
  emailSchema,
  normalizeContactPhone,
  normalizePhone,
  parseIdentifier,
  phoneSchema,
} from './account.identifiers.ts';
export * as messages from './account.messages.ts';
export { capabilities, hasRole, isOfficer, requireSignedIn } from './account.policy.ts';
export { issueCode, RESET, requestCode, resetPassword } from './account.reset.ts';
export type { RegisterInput, SignInInput } from './account.schema.ts';
export { assertCsrf, readSession, SESSION_DAYS, type Session } from './account.session.ts';
export { delayAfter, SIGN_IN_POLICY, signIn } from './account.sign-in.ts';
export * from './account.use-cases.ts';
