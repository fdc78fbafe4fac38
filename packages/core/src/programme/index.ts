/** The office's programmes, cohorts and participants. Import as `import * as Programme from '@bursa/core/programme'`. */

export { METRICS, type Metric } from './followup.entity.ts';
export * from './programme.badge-queue.ts';
export * from './programme.cohort-page.ts';
export { MAX_IMPORT, parseParticipants } from './programme.csv.ts';
export {
  type Cohort,
  type Participant,
  PROGRAMME_KINDS,
  type Programme as Info,
  type ProgrammeKind,
} from './programme.entity.ts';
export { countFollowup, type Followup, followupOf } from './programme.followup.ts';
export { cohortListsOf, cohortsOfUser, type Graduation, graduateOf } from './programme.graduates.ts';
export { linkRegistered, participantLinked, shopOpened } from './programme.link.ts';
export * as messages from './programme.messages.ts';
export * from './programme.participants.ts';
export { type CohortCapabilities, canManageProgrammes, cohortCapabilities } from './programme.policy.ts';
export {
  createCohort,
  createProgramme,
  getCohort,
  getProgramme,
  listProgrammes,
  programmeView,
  updateCohort,
} from './programme.use-cases.ts';
