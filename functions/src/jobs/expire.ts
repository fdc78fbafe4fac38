import { type Db, runAsEntry } from '@bursa/core/db';
import { remindInterviews as remindDue } from '@bursa/core/fair/remind';
import type { Config } from '@bursa/core/kernel';
import { expireDue } from '@bursa/core/order/expiry';

/**
 * The scheduled expiry (every 15 minutes in AWS; every minute under npm start):
 * unpaid transfer and card orders past their 24 hours expire and give their
 * stock back. Tagged as the jobs function's calls (the tests' grants check).
 */
export function expireOrders(config: Config, db: Db, now?: () => number): Promise<number> {
  return runAsEntry('jobs', () => expireDue({ db, config, actor: undefined, ...(now ? { now } : {}) }));
}

/** The scheduled interview reminders (same schedule): bookings starting in about an hour. */
export function remindInterviews(config: Config, db: Db, now?: () => number): Promise<number> {
  return runAsEntry('jobs', () => remindDue({ db, config, actor: undefined, ...(now ? { now } : {}) }));
}
