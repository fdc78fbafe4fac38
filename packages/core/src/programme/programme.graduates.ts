import { QueryCommand } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { badgeProgramme, type Participant, programmeEntities } from './programme.entity.ts';

/**
 * Who appears in the office's cohort lists, by account: one Query on the
 * participants' user index (gsi3, written once the account is linked). This
 * file imports nothing of the shop concept, so the shop's badge request can
 * ask it without an import cycle.
 */
const MAX = 50;

export async function participationsOf(db: Db, userId: string): Promise<Participant[]> {
  const out = await db.table
    .build(QueryCommand)
    .entities(programmeEntities(db).Participant)
    .query({ index: 'gsi3', partition: `PARTUSER#${userId}` })
    .options({ limit: MAX })
    .send();
  return (out.Items ?? []) as Participant[];
}

/** The cohorts a person is in, and whether they completed each (the office dashboard counts outcomes with it). */
export async function cohortsOfUser(
  db: Db,
  userId: string,
): Promise<{ programmeId: string; cohortId: string; completed: boolean }[]> {
  return (await participationsOf(db, userId)).map((p) => ({
    programmeId: p.programmeId,
    cohortId: p.cohortId,
    completed: Boolean(p.completedAt),
  }));
}

export type Graduation = {
  programme: ReturnType<typeof badgeProgramme>;
  cohort: string;
  year: number;
  /** The officer who marked completion: the badge's decidedBy. */
  officer: { userId: string; name: string };
  completedAt: string;
};

/** A completed participation as the shop badge states it. */
export function graduationOf(p: Participant): Graduation | undefined {
  if (!p.completedAt || !p.completedBy) return undefined;
  return {
    programme: badgeProgramme(p.programmeKind),
    cohort: p.cohortName,
    year: Number(p.cohortEndDate.slice(0, 4)),
    officer: { userId: p.completedBy, name: p.completedByName ?? p.completedBy },
    completedAt: p.completedAt,
  };
}

/**
 * The person's latest completed programme (of the given badge programme, if
 * given), or undefined: what a badge request is resolved against.
 */
export async function graduateOf(db: Db, userId: string, programme?: string): Promise<Graduation | undefined> {
  return (await participationsOf(db, userId))
    .map(graduationOf)
    .filter((g): g is Graduation => Boolean(g) && (!programme || g?.programme === programme))
    .sort((a, b) => b.completedAt.localeCompare(a.completedAt))[0];
}

/** For the officers' badge queue: each person's cohort lists (at most 20 people, one Query each). */
export async function cohortListsOf(
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, { programmeName: string; cohortName: string; completed: boolean }[]>> {
  const unique = [...new Set(userIds)].slice(0, 20);
  const found = await Promise.all(unique.map((u) => participationsOf(db, u)));
  return new Map(
    unique.map((u, i) => [
      u,
      (found[i] ?? []).map((p) => ({
        programmeName: p.programmeName,
        cohortName: p.cohortName,
        completed: Boolean(p.completedAt),
      })),
    ]),
  );
}
