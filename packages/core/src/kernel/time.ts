/**
 * Dates as people in the served regions mean them: Western Indonesia Time
 * (WIB, UTC+7, no daylight saving). A "closing date" is a WIB calendar day.
 */
const WIB_OFFSET_MS = 7 * 3600 * 1000;

/** Today's date in Jakarta (WIB), YYYY-MM-DD. */
export function todayInJakarta(now = Date.now()): string {
  return new Date(now + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** The end of a WIB calendar day, as epoch seconds (e.g. when a listing expires). */
export function endOfDayEpochSeconds(date: string): number {
  return Math.floor(Date.parse(`${date}T23:59:59+07:00`) / 1000) + 1;
}

export const nowIso = (now = Date.now()) => new Date(now).toISOString();
