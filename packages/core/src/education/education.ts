/**
 * Indonesian education levels, lowest first. SMA (general) and SMK
 * (vocational) are the same level: a vacancy asking for SMA is open to SMK
 * graduates and the other way round.
 */
export const LEVELS = ['SD', 'SMP', 'SMA', 'SMK', 'D3', 'S1', 'S2'] as const;
export type Level = (typeof LEVELS)[number];

const rank: Record<Level, number> = { SD: 1, SMP: 2, SMA: 3, SMK: 3, D3: 4, S1: 5, S2: 6 };

/** Whether someone with `held` meets a minimum of `required`. */
export const meetsEducation = (held: Level, required: Level) => rank[held] >= rank[required];

/** Every level that meets the minimum: the filters under which a vacancy is listed. */
export const levelsMeeting = (required: Level) => LEVELS.filter((e) => meetsEducation(e, required));
