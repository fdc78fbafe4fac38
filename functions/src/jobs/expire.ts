import { type Db, runAsEntry } from '@bursa/core/db';
import * as Fair from '@bursa/core/fair';
import type { Config } from '@bursa/core/kernel';
import * as Order from '@bursa/core/order';

/**
 * The scheduled expiry (every 15 minutes in AWS; every minute under npm start):
 * unpaid transfer and card orders past their 24 hours expire and give their
 * stock back. Tagged as the jobs function's calls (the tests' grants check).
 */
export function expireOrders(config: Config, db: Db, now?: () => number): Promise<number> {
  return runAsEntry('jobs', () => Order.expireDue({ db, config, actor: undefined, ...(now ? { now } : {}) }));
}

/** The scheduled interview reminders (same schedule): bookings starting in about an hour. */
export function remindInterviews(config: Config, db: Db, now?: () => number): Promise<number> {
  return runAsEntry('jobs', () => Fair.remindInterviews({ db, config, actor: undefined, ...(now ? { now } : {}) }));
}
