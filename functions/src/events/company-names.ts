import * as Company from '@bursa/core/company';
import type { Projection } from './projection.ts';

type NameImage = { id: string; name: string; status: string } | undefined;
const nameImage = (image: Record<string, unknown> | undefined): NameImage =>
  image?.type === 'Company' && typeof image.id === 'string' && typeof image.name === 'string'
    ? { id: image.id, name: image.name, status: String(image.status ?? '') }
    : undefined;

/**
 * Company verified, renamed or no longer verified → its name keys
 * (CompanyNameKey, company.lookalike.ts): the items a new company's name is
 * looked up in, one BatchGet, to flag lookalike names. Only verified
 * companies have keys. Idempotent: each write sets or removes one map entry.
 */
export const companyNames: Projection = {
  name: 'company-names',
  entities: ['Company'],
  async apply({ db }, { oldImage, newImage }) {
    await Company.syncNameKeys(db, nameImage(oldImage), nameImage(newImage));
  },
};
