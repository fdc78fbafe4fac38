/**
 * Every limit in one place, so what protects what can be read at a glance
 * (docs/threat-model.md). `per` is the window in seconds. Subjects are a
 * client network (IPv4 address, IPv6 /64) or an account id.
 */
export type Rule = { scope: string; max: number; per: number; code: string };

const HOUR = 3600;
const DAY = 24 * HOUR;

export const RULES = {
  /** Sign-ups from one network: a fair's shared Wi-Fi can register a room full of people, not a script's thousands. */
  registerPerClient: { scope: 'register-client', max: 20, per: HOUR, code: 'limit.register' },
  /** Companies registered by one person, and from one network. */
  companyPerAccount: { scope: 'company-account', max: 5, per: DAY, code: 'limit.company' },
  companyPerClient: { scope: 'company-client', max: 20, per: DAY, code: 'limit.company' },
  /** Vacancies posted by one person (a busy HR officer posts a few dozen a day at most). */
  vacancyPerAccount: { scope: 'vacancy-account', max: 60, per: DAY, code: 'limit.vacancy' },
  /** Applications sent by one person (a determined job hunter sends a few dozen a day; a script thousands). */
  applicationPerAccount: { scope: 'application-account', max: 50, per: DAY, code: 'limit.application' },
  /** Password reset codes asked for: per network, and per email or phone typed (no mailbox flooding). */
  resetPerClient: { scope: 'reset-client', max: 10, per: HOUR, code: 'limit.reset' },
  resetPerIdentifier: { scope: 'reset-identifier', max: 3, per: HOUR, code: 'limit.reset' },
  /** Reports sent by one person (a worried resident reports a handful; a grudge or a script hundreds). */
  reportPerAccount: { scope: 'report-account', max: 20, per: DAY, code: 'limit.report' },
  /** Failed sign-ins from one network: only slows accounts that already have failures (see account.sign-in.ts). */
  signInFailuresPerClient: { scope: 'signin-client', max: 20, per: 15 * 60, code: 'auth.too_many_attempts' },
} as const satisfies Record<string, Rule>;
