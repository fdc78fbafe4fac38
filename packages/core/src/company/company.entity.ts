import { Entity, item, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';

/**
 * An employer's company and who belongs to it (docs/data-model.md, "Company and Membership").
 *   Company     pk = COMPANY#<id>       sk = COMPANY
 *               gsi1pk = COMPANIES#<status>   gsi1sk = <createdAt>#<id>     (verificationQueue)
 *   Membership  pk = USER#<userId>      sk = MEMBER#COMPANY#<companyId>       (myCompanies; isMember)
 *               gsi1pk = COMPANY#<companyId>   gsi1sk = MEMBER#<userId>     (membersOf: the rename projection)
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
export const STATUSES = ['unverified', 'verified'] as const;

export const companyPartition = (companyId: string) => `COMPANY#${companyId}`;
export const queuePartition = (status: (typeof STATUSES)[number]) => `COMPANIES#${status}`;

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
    verifiedAt: string().optional(),
    // Staff records, not part of the profile anyone reads: hidden from every read.
    verifiedBy: string().optional().hidden(),
    createdBy: string().hidden(),
    createdAt: string(),
    updatedAt: string(),
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
  };
};

export const companyEntities = (db: Db) => bindEntities(db, build);
