import { Entity, item, number, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';
import { PROGRAMMES } from '../profile/profile.entity.ts';

/**
 * The office's programmes, their cohorts and participants (docs/data-model.md, "Programme").
 *   Programme    pk = PROGRAMME#<id>   sk = PROGRAMME
 *                gsi1pk = PROGRAMMES                        gsi1sk = <createdAt>#<id>       (listProgrammes, newest first)
 *   Cohort       pk = COHORT#<id>      sk = COHORT
 *                gsi1pk = PROGRAMME#<programmeId>#COHORTS   gsi1sk = <startDate>#<id>       (cohortsOf, newest first)
 *   Participant  pk = COHORT#<cohortId>  sk = PARTICIPANT#<+62…>    one per phone per cohort (the key is the guard)
 *                gsi2pk = PARTPHONE#<+62…>  gsi2sk = COHORT#<cohortId>   (only while no account is linked: linked at registration)
 *                gsi3pk = PARTUSER#<userId> gsi3sk = COHORT#<cohortId>   (cohortsOfUser; only once linked)
 */
/** What kind of programme: the profile's programmes, plus overseas placement (PMI). */
export const PROGRAMME_KINDS = [...PROGRAMMES, 'pmi'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

const build = (table: BursaTable) => ({
  Programme: new Entity({
    name: 'Programme',
    table,
    timestamps: false,
    schema: item({
      id: string().key(),
      kind: string().enum(...PROGRAMME_KINDS),
      name: string(),
      description: string().optional(),
      createdBy: string(),
      createdAt: string(),
      version: number(),
    }).and((s) => ({
      gsi1pk: string()
        .hidden()
        .link<typeof s>(() => 'PROGRAMMES'),
      gsi1sk: string()
        .hidden()
        .link<typeof s>(({ createdAt, id }) => `${createdAt}#${id}`),
    })),
    computeKey: ({ id }) => ({ pk: `PROGRAMME#${id}`, sk: 'PROGRAMME' }),
  }),
  Cohort: new Entity({
    name: 'Cohort',
    table,
    timestamps: false,
    schema: item({
      id: string().key(),
      programmeId: string(),
      /** Copied from the programme when the cohort is made (a programme's kind and name do not change). */
      programmeKind: string().enum(...PROGRAMME_KINDS),
      programmeName: string(),
      name: string(),
      track: string().optional(),
      /** WIB dates, YYYY-MM-DD. */
      startDate: string(),
      endDate: string(),
      villageCode: string().optional(),
      institution: string().optional(),
      instructor: string().optional(),
      capacity: number(),
      /** Kept in the same transaction as each add/remove (the capacity guard). */
      participants: number(),
      completed: number(),
      createdAt: string(),
      version: number(),
    }).and((s) => ({
      gsi1pk: string()
        .hidden()
        .link<typeof s>(({ programmeId }) => `PROGRAMME#${programmeId}#COHORTS`),
      gsi1sk: string()
        .hidden()
        .link<typeof s>(({ startDate, id }) => `${startDate}#${id}`),
    })),
    computeKey: ({ id }) => ({ pk: `COHORT#${id}`, sk: 'COHORT' }),
  }),
  Participant: new Entity({
    name: 'Participant',
    table,
    timestamps: false,
    schema: item({
      cohortId: string().key(),
      phone: string().key(),
      programmeId: string(),
      programmeKind: string().enum(...PROGRAMME_KINDS),
      /** Copied from the programme and cohort when added (the badge and the badge queue's hint read them from here). */
      programmeName: string(),
      cohortName: string(),
      cohortEndDate: string(),
      name: string(),
      /** The account with this phone: set when added, or by the programme-link projection when they register. */
      userId: string().optional(),
      addedAt: string(),
      addedBy: string(),
      completedAt: string().optional(),
      /** The officer who marked completion (the badge's decidedBy). */
      completedBy: string().optional(),
      completedByName: string().optional(),
      gsi2pk: string().optional(),
      gsi2sk: string().optional(),
      gsi3pk: string().optional(),
      gsi3sk: string().optional(),
    }),
    computeKey: ({ cohortId, phone }) => ({ pk: `COHORT#${cohortId}`, sk: `PARTICIPANT#${phone}` }),
  }),
});

export const programmeEntities = (db: Db) => bindEntities(db, build);

export const phoneIndexKey = (phone: string, cohortId: string) => ({
  gsi2pk: `PARTPHONE#${phone}`,
  gsi2sk: `COHORT#${cohortId}`,
});
export const userIndexKey = (userId: string, cohortId: string) => ({
  gsi3pk: `PARTUSER#${userId}`,
  gsi3sk: `COHORT#${cohortId}`,
});

export type Programme = {
  id: string;
  kind: ProgrammeKind;
  name: string;
  description?: string;
  createdBy: string;
  createdAt: string;
  version: number;
};
export type Cohort = {
  id: string;
  programmeId: string;
  programmeKind: ProgrammeKind;
  programmeName: string;
  name: string;
  track?: string;
  startDate: string;
  endDate: string;
  villageCode?: string;
  institution?: string;
  instructor?: string;
  capacity: number;
  participants: number;
  completed: number;
  createdAt: string;
  version: number;
};
export type Participant = {
  cohortId: string;
  phone: string;
  programmeId: string;
  programmeKind: ProgrammeKind;
  programmeName: string;
  cohortName: string;
  cohortEndDate: string;
  name: string;
  userId?: string;
  addedAt: string;
  addedBy: string;
  completedAt?: string;
  completedBy?: string;
  completedByName?: string;
};

/** The shop badge's programme for a programme kind (an overseas placement is not one of the badge's programmes). */
export const badgeProgramme = (kind: ProgrammeKind): (typeof PROGRAMMES)[number] => (kind === 'pmi' ? 'other' : kind);
