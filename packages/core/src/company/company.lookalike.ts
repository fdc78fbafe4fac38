import {
  $remove,
  BatchGetCommand,
  BatchGetRequest,
  DeleteItemCommand,
  executeBatchGet,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { companyEntities } from './company.entity.ts';

/**
 * Lookalike company names, a fraud guard: a company registered (or renamed)
 * as "PT Maju Jaya" when "CV Maju Jaya", "Maju Jaya Tbk" or "PT Maju Jayya" is
 * already verified is flagged for the officer, with the company it resembles.
 *
 * Without reading every company: each name is first normalised (`normaliseName`),
 * then compared by keys (symmetric delete, edit distance 1). For each verified
 * company the `company-names` projection keeps one CompanyNameKey item per key:
 *   - its normalised name, and
 *   - when that is at least MIN_FUZZY letters long, each single-letter deletion of it.
 * A new name's keys are built the same way; two names share a key exactly when
 * they are equal after normalising, or one letter apart (a letter added, dropped
 * or changed). So a check is one BatchGet of the new name's keys (two for very
 * long names), whatever the number of companies. Short names only match exactly:
 * their deletions ("ab" → "a", "b") would match far too much.
 */
export const MIN_FUZZY = 5;

/** Legal forms that say nothing about who a company is. */
const LEGAL_FORMS = new Set(['pt', 'cv', 'ud', 'tbk', 'persero', 'perseroan', 'terbatas', 'pd', 'fa']);
/** Digits that pass for letters; 1, l and i all become i (they look alike). */
const LOOKALIKE: Record<string, string> = { '0': 'o', '1': 'i', l: 'i', '5': 's', '3': 'e', '4': 'a' };

/**
 * The name as compared: lowercase without accents; legal forms (PT, CV, UD,
 * Tbk, Persero, also spelt "P.T.") dropped; punctuation and spaces dropped;
 * 0→o, 1/l→i, 5→s, 3→e, 4→a; repeated letters collapsed ("Jayya" → "jaya").
 */
export function normaliseName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  // Single letters in a row are one word: "P. T." is "pt".
  const merged: string[] = [];
  let run = false;
  for (const w of words) {
    const single = /^[a-z]$/.test(w);
    if (single && run) merged[merged.length - 1] += w;
    else merged.push(w);
    run = single;
  }
  const kept = merged.filter((w) => !LEGAL_FORMS.has(w));
  const joined = (kept.length ? kept : merged).join('');
  return [...joined]
    .map((c) => LOOKALIKE[c] ?? c)
    .join('')
    .replace(/(.)\1+/g, '$1');
}

/** The keys a name is stored and looked up under: its normal form and, if long enough, each one-letter deletion. */
export function nameKeys(name: string): string[] {
  const n = normaliseName(name);
  if (!n) return [];
  const keys = new Set([n]);
  if (n.length >= MIN_FUZZY) for (let i = 0; i < n.length; i++) keys.add(n.slice(0, i) + n.slice(i + 1));
  return [...keys];
}

export type Lookalike = { companyId: string; name: string; same: boolean };

/**
 * The verified company this name resembles, if any (never `self`): a BatchGet
 * of the name's keys, 100 at a time. A company with the same normal form wins
 * over a one-letter one.
 */
export async function findLookalike(db: Db, name: string, self?: string): Promise<Lookalike | undefined> {
  const keys = nameKeys(name);
  if (!keys.length) return undefined;
  const { CompanyNameKey } = companyEntities(db);
  const found = new Map<string, string>();
  for (let i = 0; i < keys.length; i += 100) {
    const out = await executeBatchGet(
      db.table
        .build(BatchGetCommand)
        .requests(...keys.slice(i, i + 100).map((key) => CompanyNameKey.build(BatchGetRequest).key({ key }))),
    );
    for (const item of (out.Responses?.[0] ?? []) as ({ companies: Record<string, string> } | undefined)[]) {
      for (const [id, n] of Object.entries(item?.companies ?? {})) if (id !== self) found.set(id, n);
    }
  }
  const mine = normaliseName(name);
  const all = [...found].map(([companyId, n]) => ({ companyId, name: n, same: normaliseName(n) === mine }));
  return all.find((c) => c.same) ?? all[0];
}

type NameImage = { id: string; name: string; status: string } | undefined;

/**
 * Projection (functions/src/events/company-names.ts): brings a company's name
 * keys in line with its change. Only verified companies have keys; a company
 * that stops being verified, or is renamed, leaves its old keys. Idempotent:
 * setting or removing one map entry twice changes nothing. Returns the writes.
 */
export async function syncNameKeys(db: Db, before: NameImage, after: NameImage): Promise<number> {
  const id = (after ?? before)?.id;
  if (!id) return 0;
  const old = before?.status === 'verified' ? nameKeys(before.name) : [];
  const next = after?.status === 'verified' ? nameKeys(after.name) : [];
  const unchanged = before?.status === after?.status && before?.name === after?.name;
  if (unchanged) return 0;
  const nextSet = new Set(next);
  const writes = [
    ...old.filter((k) => !nextSet.has(k)).map((key) => () => removeFromKey(db, key, id)),
    ...next.map((key) => () => addToKey(db, key, id, after?.name ?? '')),
  ];
  for (let i = 0; i < writes.length; i += 10) await Promise.all(writes.slice(i, i + 10).map((w) => w()));
  return writes.length;
}

async function addToKey(db: Db, key: string, companyId: string, name: string): Promise<void> {
  const { CompanyNameKey } = companyEntities(db);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // The map exists: set this company's entry in it (a map's partial update).
      await CompanyNameKey.build(UpdateItemCommand)
        .item({ key, companies: { [companyId]: name } })
        .options({ condition: { attr: 'companies', exists: true } })
        .send();
      return;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
    try {
      await CompanyNameKey.build(PutItemCommand)
        .item({ key, companies: { [companyId]: name } })
        .options({ condition: { attr: 'companies', exists: false } })
        .send();
      return;
    } catch (e) {
      if (!isConditionFailure(e)) throw e; // someone created it meanwhile: set the entry again
    }
  }
}

/**
 * Takes a company out of a key: the whole item when it is the only one there
 * (an empty map is never written), else its entry. Either is conditional, so a
 * concurrent change is retried; an entry already gone is left alone.
 */
async function removeFromKey(db: Db, key: string, companyId: string): Promise<void> {
  const { CompanyNameKey } = companyEntities(db);
  const entry = { attr: `companies.${companyId}`, exists: true } as const;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await CompanyNameKey.build(DeleteItemCommand)
        .key({ key })
        .options({ condition: { and: [entry, { size: 'companies', eq: 1 }] } })
        .send();
      return;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
    try {
      await CompanyNameKey.build(UpdateItemCommand)
        .item({ key, companies: { [companyId]: $remove() } })
        .options({ condition: { and: [entry, { size: 'companies', gt: 1 }] } })
        .send();
      return;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
    const { Item } = await CompanyNameKey.build(GetItemCommand).key({ key }).send();
    if (!Item?.companies[companyId]) return;
  }
}
