import { boolean, Entity, item, map, number, record, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';

/**
 * An employer's company and who belongs to it (docs/data-model.md, "Company and Membership").
 *   Company     pk = COMPANY#<id>       sk = COMPANY
 *               gsi1pk = COMPANIES#<queue: unverified, review, verified, rejected>   gsi1sk = <createdAt>#<id>   (verificationQueue)
 *   Membership  pk = USER#<userId>      sk = MEMBER#COMPANY#<companyId>       (myCompanies; isMember)
 *               gsi1pk = COMPANY#<companyId>   gsi1sk = MEMBER#<userId>     (membersOf: the rename projection)
 *   CompanyNameKey  pk = COMPANYNAME#<key>   sk = COMPANYNAME   (lookalikeKeys: verified companies by name key, company.lookalike.ts)
 * Vacancies share the company's gsi1 partition (gsi1sk = VACANCY#<id>), see vacancy.entity.ts.
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
export const STATUSES = ['unverified', 'verified', 'rejected'] as const;
/** Officers' queues: new registrations, verified companies with changes to review, and the decided ones. */
export const QUEUES = ['unverified', 'review', 'verified', 'rejected'] as const;
/** What an officer checks: changing these on a verified company sends the change to review first. */
export const MATERIAL_FIELDS = ['name', 'nib', 'address'] as const;

export const companyPartition = (companyId: string) => `COMPANY#${companyId}`;
export const queuePartition = (queue: (typeof QUEUES)[number]) => `COMPANIES#${queue}`;

const build = (table: BursaTable) => {
  const companySchema = item({
    id: string().key(),
    name: string(),
    sector: string().enum(...SECTORS),
    address: string(),
    regencyCode: string(),
    districtCode: string(),
    villageCode: string(),
    contactPhone: string().optional(),
    contactEmail: string().optional(),
    nib: string().optional(),
    description: string().optional(),
    status: string().enum(...STATUSES),
    /** Changes to material fields of a verified company, awaiting an officer (the live values stay until approved). */
    pending: map({
      name: string().optional(),
      nib: string().optional(),
      address: string().optional(),
    }).optional(),
    /** The officer's reason when a registration or a change is rejected: shown to the company's members. */
    reviewNote: string().optional(),
    verifiedAt: string().optional(),
    /**
     * Set on create and rename when the name is the same as, or one letter off, a verified
     * company's (company.lookalike.ts): shown to officers only. Cleared when an officer verifies.
     */
    lookalike: map({ companyId: string(), name: string(), same: boolean() }).optional(),
    /** The last officer decision (verify, reject, revoke): who, when and why. Officers only. */
    decision: map({
      action: string().enum('verify', 'reject', 'revoke'),
      byUserId: string(),
      byName: string(),
      at: string(),
      reason: string().optional(),
    }).optional(),
    // Staff records, not part of the profile anyone reads: hidden from every read.
    verifiedBy: string().optional().hidden(),
    createdBy: string().hidden(),
    /** Hidden by an officer (moderation/): only the owner and officers still see it; the owner cannot undo it. */
    moderation: map({ hiddenAt: string(), reason: string(), by: string() }).optional(),
    createdAt: string(),
    updatedAt: string(),
    /** Incremented on every write: edits are conditional on it (optimistic concurrency). Absent on items from before it existed. */
    version: number().optional(),
  });
  return {
    Company: new Entity({
      name: 'Company',
      table,
      timestamps: false,
      schema: companySchema.and((s) => ({
        gsi1pk: string()
          .hidden()
          .link<typeof s>(({ status }) => queuePartition(status)),
        gsi1sk: string()
          .hidden()
          .link<typeof s>(({ createdAt, id }) => `${createdAt}#${id}`),
      })),
      computeKey: ({ id }) => ({ pk: companyPartition(id), sk: 'COMPANY' }),
    }),
    Membership: new Entity({
      name: 'Membership',
      table,
      timestamps: false,
      schema: item({
        userId: string().key(),
        companyId: string().key(),
        // Copy of Company.name, refreshed by functions/src/events/company-renamed.ts.
        companyName: string(),
        role: string().enum('owner', 'member'),
        createdAt: string(),
      }).and((s) => ({
        gsi1pk: string()
          .hidden()
          .link<typeof s>(({ companyId }) => companyPartition(companyId)),
        gsi1sk: string()
          .hidden()
          .link<typeof s>(({ userId }) => `MEMBER#${userId}`),
      })),
      computeKey: ({ userId, companyId }) => ({ pk: `USER#${userId}`, sk: `MEMBER#COMPANY#${companyId}` }),
    }),
    /**
     * One name key of verified companies (the `company-names` projection): the companies whose
     * normalised name, or one of its single-letter deletions, is this key, as id → name.
     */
    CompanyNameKey: new Entity({
      name: 'CompanyNameKey',
      table,
      timestamps: false,
      schema: item({
        key: string().key(),
        companies: record(string(), string()),
      }),
      computeKey: ({ key }) => ({ pk: `COMPANYNAME#${key}`, sk: 'COMPANYNAME' }),
    }),
  };
};

export const companyEntities = (db: Db) => bindEntities(db, build);
