import { $set, GetItemCommand, PutItemCommand, UpdateItemCommand } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import type { Level } from '../education/index.ts';
import { type Ctx, nowOf } from '../kernel/ctx.ts';
import { conflict, DomainError, forbidden, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { check, checkedInside } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import * as Media from '../media/index.ts';
import * as Region from '../region/index.ts';
import type { GENDERS, PROGRAMMES } from './profile.entity.ts';
import { profileEntities } from './profile.entity.ts';
import { capabilities, type ProfileCapabilities } from './profile.policy.ts';
import { certificateFileSchema, cvKeySchema, profileFieldsSchema } from './profile.schema.ts';

export type Experience = { title: string; employer: string; startYear: number; endYear?: number; description?: string };
export type Certificate = {
  programme: (typeof PROGRAMMES)[number];
  institution: string;
  track: string;
  year: number;
  file?: { key: string; bytes: number; contentType: Media.FileType };
};

/** A job seeker's profile as stored. */
export type Info = {
  userId: string;
  birthYear: number;
  gender?: (typeof GENDERS)[number];
  regencyCode: string;
  districtCode: string;
  villageCode: string;
  education: Level;
  major?: string;
  skills: string[];
  languages: string[];
  experience: Experience[];
  certificates: Certificate[];
  ak1?: string;
  openToWork: boolean;
  cv?: { key: string; bytes: number; uploadedAt: string };
  createdAt: string;
  updatedAt: string;
  version: number;
};

/** What is missing from a profile, most important first. `required` ones stop an application. */
export const MISSING = ['profile', 'skills', 'cv', 'experience', 'languages', 'ak1'] as const;
export type Missing = (typeof MISSING)[number];
const REQUIRED: readonly Missing[] = ['profile', 'skills'];

export type Completeness = { percent: number; missing: Missing[]; canApply: boolean };

/**
 * The meter on the profile page and the check before applying. Applying needs
 * the basics (year of birth, kelurahan, education) and at least one skill; a
 * CV, experience, languages and the AK1 card make a profile complete.
 */
export function completeness(profile: Info | undefined): Completeness {
  const has: Record<Missing, boolean> = {
    profile: Boolean(profile),
    skills: Boolean(profile?.skills.length),
    cv: Boolean(profile?.cv),
    experience: Boolean(profile?.experience.length || profile?.certificates.length),
    languages: Boolean(profile?.languages.length),
    ak1: Boolean(profile?.ak1),
  };
  const weights: Record<Missing, number> = { profile: 40, skills: 20, cv: 15, experience: 10, languages: 5, ak1: 10 };
  const missing = MISSING.filter((m) => !has[m]);
  const percent = MISSING.reduce((sum, m) => sum + (has[m] ? weights[m] : 0), 0);
  return { percent, missing, canApply: !missing.some((m) => REQUIRED.includes(m)) };
}

export async function find(db: Db, userId: string): Promise<Info | undefined> {
  const { Item } = await profileEntities(db).Profile.build(GetItemCommand).key({ userId }).send();
  return Item as Info | undefined;
}

export type MyProfile = { profile?: Info; completeness: Completeness; can: ProfileCapabilities };

/** The signed-in person's own profile (or none yet) and what it still lacks. */
export const mine = fn(z.optional(z.object({})), async (_input, ctx): Promise<MyProfile> => {
  const me = Account.requireSignedIn(ctx.actor);
  const profile = await find(ctx.db, me.userId);
  return {
    ...(profile ? { profile } : {}),
    completeness: completeness(profile),
    can: capabilities({ actor: me, self: true, applicantOfMine: false }),
  };
});

/** Creates or replaces the signed-in person's profile (a stale `version` is a 409). */
export const save = fn(checkedInside(profileFieldsSchema), async (input, ctx): Promise<Info> => {
  const me = Account.requireSignedIn(ctx.actor);
  // The fields and the kelurahan in its kecamatan, checked together: every problem in one answer.
  const { data, issues } = check(profileFieldsSchema, input);
  const regency = await Region.getCached(ctx.db, ctx.config.homeRegency);
  issues.push(...Region.locationIssuesBeside(regency, input.districtCode, input.villageCode, issues));
  if (issues.length || !data) throw new ValidationError(issues);
  const { version, ...fields } = data;
  const before = await find(ctx.db, me.userId);
  const now = new Date(nowOf(ctx)).toISOString();
  // A certificate kept in the same row keeps its uploaded file.
  const certificates = fields.certificates.map((c, i) => {
    const old = before?.certificates[i];
    return old?.file && old.institution === c.institution && old.track === c.track ? { ...c, file: old.file } : c;
  });
  const profile: Info = {
    ...fields,
    certificates,
    userId: me.userId,
    regencyCode: ctx.config.homeRegency,
    ...(before?.cv ? { cv: before.cv } : {}),
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
    version: (before?.version ?? 0) + 1,
  };
  const expected = version ?? before?.version;
  try {
    await profileEntities(ctx.db)
      .Profile.build(PutItemCommand)
      .item(profile)
      .options({
        condition: expected ? { attr: 'version', eq: expected } : { attr: 'userId', exists: false },
      })
      .send();
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('profile.changed');
    throw e;
  }
  return profile;
});

/** Where the CV form posts the file (straight to S3) and where S3 sends the browser back. */
export async function cvUploadForm(ctx: Ctx, redirectUrl: string) {
  const me = Account.requireSignedIn(ctx.actor);
  return Media.presignCvUpload(ctx.config, { userId: me.userId, redirectUrl });
}

/**
 * After S3 took the file: checks it really is a PDF of at most 2 MB (the
 * local S3 enforces no upload policy, and a policy cannot read magic bytes),
 * then puts it on the profile and deletes the CV it replaces.
 */
export const attachCv = fn(cvKeySchema, async ({ key }, ctx): Promise<Info['cv']> => {
  const me = Account.requireSignedIn(ctx.actor);
  const profile = await find(ctx.db, me.userId);
  if (!profile) {
    await Media.removeObject(ctx.config, key).catch(() => undefined);
    throw new DomainError('validation', 'profile.required');
  }
  const checked = await Media.verifyCv(ctx.config, { userId: me.userId, key });
  const cv = { key: checked.key, bytes: checked.bytes, uploadedAt: new Date(nowOf(ctx)).toISOString() };
  await profileEntities(ctx.db)
    .Profile.build(UpdateItemCommand)
    // $set: the whole map, not a deep update (the profile may have no CV yet).
    .item({ userId: me.userId, cv: $set(cv), updatedAt: cv.uploadedAt })
    .send();
  if (profile.cv && profile.cv.key !== cv.key)
    await Media.removeObject(ctx.config, profile.cv.key).catch(() => undefined);
  return cv;
});

/** Where a certificate's file form posts (straight to S3), coming back to `redirectUrl`. */
export async function certificateUploadForm(ctx: Ctx, redirectUrl: string) {
  const me = Account.requireSignedIn(ctx.actor);
  return Media.presignUpload(ctx.config, 'certificate', { userId: me.userId, redirectUrl });
}

/** After S3 took a certificate's file: checks it (PDF, JPG or PNG, ≤ 2 MB) and puts it on that certificate. */
export const attachCertificateFile = fn(certificateFileSchema, async ({ index, key }, ctx) => {
  const me = Account.requireSignedIn(ctx.actor);
  const profile = await find(ctx.db, me.userId);
  const certificate = profile?.certificates[index];
  if (!profile || !certificate) {
    await Media.removeObject(ctx.config, key).catch(() => undefined);
    throw new DomainError('validation', 'profile.certificate.missing');
  }
  const checked = await Media.verifyUpload(ctx.config, 'certificate', { userId: me.userId, key });
  const certificates = profile.certificates.map((c, i) => (i === index ? { ...c, file: checked } : c));
  try {
    await profileEntities(ctx.db)
      .Profile.build(UpdateItemCommand)
      .item({
        userId: me.userId,
        certificates: $set(certificates),
        updatedAt: new Date(nowOf(ctx)).toISOString(),
        version: profile.version + 1,
      } as never)
      .options({ condition: { attr: 'version', eq: profile.version } })
      .send();
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('profile.changed');
    throw e;
  }
  if (certificate.file && certificate.file.key !== key)
    await Media.removeObject(ctx.config, certificate.file.key).catch(() => undefined);
  return checked;
});

/** A short-lived link to a certificate's file, for whom the policy allows (`readCv`: the same people as the CV). */
export async function certificateLink(
  ctx: Ctx,
  profile: Info,
  can: ProfileCapabilities,
  index: number,
): Promise<string> {
  if (!can.readCv) throw forbidden('profile.cv.forbidden');
  const file = profile.certificates[index]?.file;
  if (!file) throw new DomainError('not_found', 'profile.certificate.missing');
  return Media.signedUrl(ctx.config, file.key, { fileName: `Sertifikat-${index + 1}`, contentType: file.contentType });
}

/** A short-lived link to someone's CV, for whom the policy allows (`readCv`). */
export async function cvLink(ctx: Ctx, profile: Info, can: ProfileCapabilities, fileName: string): Promise<string> {
  if (!can.readCv) throw forbidden('profile.cv.forbidden');
  if (!profile.cv) throw new DomainError('not_found', 'profile.cv.none');
  return Media.signedCvUrl(ctx.config, profile.cv.key, { fileName });
}

/** What a viewer may see of a profile: AK1 only with `seeAk1`. */
export function forViewer(profile: Info, can: ProfileCapabilities): Info {
  if (can.seeAk1) return profile;
  const { ak1: _ak1, ...rest } = profile;
  return rest;
}
