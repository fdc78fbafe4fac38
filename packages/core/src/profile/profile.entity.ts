import { boolean, Entity, item, list, map, number, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';
import { LEVELS } from '../education/index.ts';

/**
 * A job seeker's profile (docs/data-model.md, "Profile").
 *   Profile   pk = USER#<userId>   sk = PROFILE
 * Read by GetItem only: by its owner, and by whoever may see an applicant
 * (the application carries the userId). Name, phone and email stay on the
 * User item (one source); NIK is never stored (the schema refuses NIK-shaped
 * numbers where an AK1 number belongs).
 */
export const GENDERS = ['female', 'male'] as const;
export const PROGRAMMES = ['blk', 'lpks', 'kemnaker', 'tkm', 'wirausaha_baru', 'pemagangan', 'other'] as const;

const build = (table: BursaTable) => ({
  Profile: new Entity({
    name: 'Profile',
    table,
    timestamps: false,
    schema: item({
      userId: string().key(),
      birthYear: number(),
      gender: string()
        .enum(...GENDERS)
        .optional(),
      regencyCode: string(),
      districtCode: string(),
      villageCode: string(),
      education: string().enum(...LEVELS),
      major: string().optional(),
      skills: list(string()),
      languages: list(string()),
      experience: list(
        map({
          title: string(),
          employer: string(),
          startYear: number(),
          endYear: number().optional(),
          description: string().optional(),
        }),
      ),
      certificates: list(
        map({
          programme: string().enum(...PROGRAMMES),
          institution: string(),
          track: string(),
          year: number(),
          /** A scan or photo of the certificate (Media kind `certificate`), read like the CV. */
          file: map({ key: string(), bytes: number(), contentType: string() }).optional(),
        }),
      ),
      /** Kartu AK/I (Kartu Kuning) number: the office and employers applied to only (profile.policy.ts). */
      ak1: string().optional(),
      openToWork: boolean(),
      /** The CV in the private media bucket (Media.verifyCv checked it is a PDF of at most 2 MB). */
      cv: map({ key: string(), bytes: number(), uploadedAt: string() }).optional(),
      createdAt: string(),
      updatedAt: string(),
      version: number(),
    }),
    computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  }),
});

export const profileEntities = (db: Db) => bindEntities(db, build);
