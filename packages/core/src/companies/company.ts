import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { contactPhoneSchema, emailSchema } from '../accounts/identifiers.ts';
import { requireSignedIn } from '../accounts/require.ts';
import { type Actor, hasRole } from '../accounts/roles.ts';
import { userKey } from '../accounts/user.ts';
import type { Db } from '../db/client.ts';
import { forbidden, notFound } from '../kernel/errors.ts';
import { ID_PATTERN, newId } from '../kernel/ids.ts';
import { parseInput } from '../kernel/validation.ts';
import { assertLocation, getRegencyCached } from '../regions/region-cache.ts';

/**
 * An employer's company. New companies are unverified until an officer checks
 * them (NIB, address); pages show which.
 *   company     pk = COMPANY#<companyId>   sk = COMPANY
 *               gsi1pk = COMPANIES#<status>   gsi1sk = <createdAt>#<companyId>   (officers' verification queue)
 *   membership  pk = USER#<userId>   sk = MEMBER#COMPANY#<companyId>   (my companies; "may this person edit?")
 */
export const SECTORS = [
  'manufaktur',
  'perdagangan',
  'makanan_minuman',
  'logistik',
  'konstruksi',
  'teknologi',
  'kesehatan',
  'pendidikan',
  'perhotelan',
  'pertanian',
  'jasa',
  'lainnya',
] as const;
export type Sector = (typeof SECTORS)[number];
export type CompanyStatus = 'unverified' | 'verified';

export type Company = {
  id: string;
  name: string;
  sector: Sector;
  address: string;
  regencyCode: string;
  districtCode: string;
  villageCode: string;
  contactPhone?: string;
  contactEmail?: string;
  nib?: string;
  description?: string;
  status: CompanyStatus;
  verifiedAt?: string;
  createdAt: string;
  updatedAt: string;
};

export const companyKey = (id: string) => ({ pk: `COMPANY#${id}`, sk: 'COMPANY' });
export const membershipKey = (userId: string, companyId: string) => ({
  pk: `USER#${userId}`,
  sk: `MEMBER#COMPANY#${companyId}`,
});

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const companyInputSchema = z.object({
  name: z.string().trim().min(2, 'Nama perusahaan minimal 2 huruf.').max(120, 'Nama perusahaan maksimal 120 huruf.'),
  sector: z.enum(SECTORS, 'Pilih sektor usaha.'),
  address: z.string().trim().min(5, 'Tulis alamat lengkap (jalan, nomor).').max(300, 'Alamat maksimal 300 huruf.'),
  districtCode: z.string().trim().min(1, 'Pilih kecamatan.'),
  villageCode: z.string().trim().min(1, 'Pilih kelurahan.'),
  contactPhone: z.preprocess(blankToUndefined, contactPhoneSchema.optional()),
  contactEmail: z.preprocess(blankToUndefined, emailSchema.optional()),
  nib: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d{13}$/, 'NIB terdiri dari 13 angka.')
      .optional(),
  ),
  description: z.preprocess(
    blankToUndefined,
    z.string().trim().max(2000, 'Deskripsi maksimal 2.000 huruf.').optional(),
  ),
});
export type CompanyInput = z.input<typeof companyInputSchema>;

function toCompany(item: Record<string, unknown>): Company {
  // Who created or verified it are staff records, not part of the public profile.
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, type: _t, createdBy: _c, verifiedBy: _v, ...rest } = item;
  return rest as unknown as Company;
}

async function validCompanyInput(db: Db, homeRegency: string, input: unknown) {
  const c = parseInput(companyInputSchema, input);
  assertLocation(await getRegencyCached(db, homeRegency), c.districtCode, c.villageCode);
  return c;
}

/** Any signed-in person may register a company; they become its first member and an employer. */
export async function createCompany(
  db: Db,
  actor: Actor | undefined,
  homeRegency: string,
  input: unknown,
): Promise<Company> {
  const me = requireSignedIn(actor);
  const c = await validCompanyInput(db, homeRegency, input);
  const now = new Date().toISOString();
  const company: Company = {
    id: newId(),
    ...c,
    regencyCode: homeRegency,
    status: 'unverified',
    createdAt: now,
    updatedAt: now,
  };
  await db.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: db.tableName,
            Item: {
              ...companyKey(company.id),
              type: 'Company',
              ...company,
              createdBy: me.userId,
              gsi1pk: `COMPANIES#${company.status}`,
              gsi1sk: `${company.createdAt}#${company.id}`,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: db.tableName,
            Item: {
              ...membershipKey(me.userId, company.id),
              type: 'Membership',
              companyId: company.id,
              companyName: company.name,
              role: 'owner',
              createdAt: now,
            },
          },
        },
        {
          Update: {
            TableName: db.tableName,
            Key: userKey(me.userId),
            UpdateExpression: 'ADD #roles :employer',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#roles': 'roles' },
            ExpressionAttributeValues: { ':employer': new Set(['employer']) },
          },
        },
      ],
    }),
  );
  return company;
}

export async function getCompany(db: Db, companyId: string): Promise<Company> {
  if (!ID_PATTERN.test(companyId)) throw notFound('company.not_found', 'Perusahaan tidak ditemukan.');
  const out = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: companyKey(companyId) }));
  if (!out.Item) throw notFound('company.not_found', 'Perusahaan tidak ditemukan.');
  return toCompany(out.Item);
}

export async function isMember(db: Db, userId: string, companyId: string): Promise<boolean> {
  if (!ID_PATTERN.test(companyId)) return false;
  const out = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: membershipKey(userId, companyId), ProjectionExpression: 'pk' }),
  );
  return Boolean(out.Item);
}

export const notMember = () => forbidden('company.not_member', 'Hanya anggota perusahaan ini yang boleh mengubahnya.');

/** Throws 403 company.not_member unless the actor is a member of the company. */
export async function requireMember(db: Db, actor: Actor | undefined, companyId: string): Promise<Actor> {
  const me = requireSignedIn(actor);
  if (!(await isMember(db, me.userId, companyId))) {
    throw notMember();
  }
  return me;
}

/**
 * The company, if the actor is a member: 404 for an unknown company (whoever
 * asks), 401/403 otherwise. Both reads run in parallel: one round trip of latency.
 */
export async function getCompanyAsMember(
  db: Db,
  actor: Actor | undefined,
  companyId: string,
): Promise<{ company: Company; me: Actor }> {
  requireSignedIn(actor);
  const [company, member] = await Promise.allSettled([getCompany(db, companyId), requireMember(db, actor, companyId)]);
  if (company.status === 'rejected') throw company.reason;
  if (member.status === 'rejected') throw member.reason;
  return { company: company.value, me: member.value };
}

/** The stored values under the submitted ones: what PATCH means. */
export function mergeInput(before: object, input: unknown): unknown {
  return input && typeof input === 'object' && !Array.isArray(input) ? { ...before, ...input } : input;
}

export type CompanyMembership = { companyId: string; companyName: string; role: string };

/** The companies a person belongs to: one Query. */
export async function listMyCompanies(db: Db, userId: string): Promise<CompanyMembership[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': 'MEMBER#COMPANY#' },
    }),
  );
  return (out.Items ?? []).map((i) => ({ companyId: i.companyId, companyName: i.companyName, role: i.role }));
}

/**
 * Members edit their company's profile; fields left out keep their value
 * (PATCH), a blank field clears an optional one. Verification is not theirs to change.
 */
export async function updateCompany(
  db: Db,
  actor: Actor | undefined,
  homeRegency: string,
  companyId: string,
  input: unknown,
): Promise<Company> {
  const { company: before, me } = await getCompanyAsMember(db, actor, companyId);
  const c = await validCompanyInput(db, homeRegency, mergeInput(before, input));
  const now = new Date().toISOString();
  const fields = { ...c, updatedAt: now };
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  for (const key of [
    'name',
    'sector',
    'address',
    'districtCode',
    'villageCode',
    'contactPhone',
    'contactEmail',
    'nib',
    'description',
    'updatedAt',
  ] as const) {
    names[`#${key}`] = key;
    const value = fields[key];
    if (value === undefined) removes.push(`#${key}`);
    else {
      sets.push(`#${key} = :${key}`);
      values[`:${key}`] = value;
    }
  }
  await db.doc
    .send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.tableName,
              Key: companyKey(companyId),
              UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            },
          },
          {
            // The membership keeps a copy of the name for "my companies".
            Update: {
              TableName: db.tableName,
              Key: membershipKey(me.userId, companyId),
              UpdateExpression: 'SET companyName = :name',
              ExpressionAttributeValues: { ':name': c.name },
            },
          },
        ],
      }),
    )
    .catch((e: unknown) => {
      if (e instanceof TransactionCanceledException) throw notFound('company.not_found', 'Perusahaan tidak ditemukan.');
      throw e;
    });
  return getCompany(db, companyId);
}

/** Officers verify a company after checking its papers. */
export async function verifyCompany(db: Db, actor: Actor | undefined, companyId: string): Promise<Company> {
  const me = requireSignedIn(actor);
  if (!hasRole(me, 'officer'))
    throw forbidden('company.verify_forbidden', 'Hanya petugas Disnaker yang dapat memverifikasi perusahaan.');
  const now = new Date().toISOString();
  try {
    const out = await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: companyKey(companyId),
        UpdateExpression:
          'SET #status = :verified, verifiedAt = :now, verifiedBy = :by, updatedAt = :now, gsi1pk = :queue',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':verified': 'verified',
          ':now': now,
          ':by': me.userId,
          ':queue': 'COMPANIES#verified',
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return toCompany(out.Attributes ?? {});
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException')
      throw notFound('company.not_found', 'Perusahaan tidak ditemukan.');
    throw e;
  }
}

/** Officers' queue: companies with a status, oldest first. One Query on gsi1. */
export async function listCompaniesByStatus(db: Db, status: CompanyStatus, limit = 50): Promise<Company[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `COMPANIES#${status}` },
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map(toCompany);
}
