import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import * as Account from '@bursa/core/account';
import type { Db } from '@bursa/core/db';
import { type Actor, type Ctx, loadConfig } from '@bursa/core/kernel';
import * as Programme from '@bursa/core/programme';
import * as Region from '@bursa/core/region';
import * as Shop from '@bursa/core/shop';
import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { programmeFollowup } from './programme-followup.ts';
import { programmeLink } from './programme-link.ts';
import { createStreamHandler } from './stream.ts';

let db: Db;
const officer: Actor = { userId: 'officer-9', name: 'Petugas Dewi', roles: ['officer'] };
const as = (actor: Actor | undefined): Ctx => ({ db, config: loadConfig({ TABLE_NAME: db.tableName }), actor });
const stored = async (pk: string, sk: string) =>
  (await db.doc.send(new GetCommand({ TableName: db.tableName, Key: { pk, sk } }))).Item as Record<string, unknown>;
const record = (
  seq: string,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
): DynamoDBRecord => ({
  eventName: before ? 'MODIFY' : 'INSERT',
  dynamodb: {
    SequenceNumber: seq,
    ...(before ? { OldImage: marshall(before, { removeUndefinedValues: true }) as never } : {}),
    NewImage: marshall(after, { removeUndefinedValues: true }) as never,
  },
});

beforeAll(async () => {
  db = await createTestDb();
  await Region.save(db, {
    code: '36.71',
    name: 'Kota Tangerang',
    districts: [{ code: '36.71.01', name: 'Tangerang', villages: [{ code: '36.71.01.1001', name: 'Sukarasa' }] }],
  });
});

describe('programme projections through the stream consumer', () => {
  it('link a later registration, badge and follow the shop they open, and count its sales once', async () => {
    const handle = createStreamHandler({ config: as(undefined).config, db }, [programmeLink, programmeFollowup]);
    const p = await Programme.createProgramme(as(officer), { kind: 'tkm', name: 'TKM Menjahit' });
    const c = await Programme.createCohort(as(officer), {
      programmeId: p.id,
      name: 'Menjahit 2026',
      startDate: '2026-05-04',
      endDate: '2026-07-31',
      institution: 'LPKS Karya Mandiri',
      capacity: 16,
    });
    await Programme.addParticipant(as(officer), { cohortId: c.id, name: 'Nur', phone: '0812 9555 0101' });
    await Programme.completeParticipant(as(officer), { cohortId: c.id, phone: '+6281295550101' });

    const reg = await Account.register(as(undefined), { name: 'Nur', phone: '0812 9555 0101', password: 'rahasia123' });
    const nur: Actor = { userId: reg.user.id, name: 'Nur', roles: ['resident'] };
    const login = await stored('LOGIN#phone#+6281295550101', 'LOGIN');
    expect(await handle({ Records: [record('1', undefined, login)] })).toEqual({ batchItemFailures: [] });
    expect(await Programme.cohortsOfUser(db, nur.userId)).toEqual([
      { programmeId: p.id, cohortId: c.id, completed: true },
    ]);

    const shop = await Shop.open(as(nur), {
      handle: 'jahitnur',
      name: 'Jahit Nur',
      category: 'fashion',
      districtCode: '36.71.01',
      villageCode: '36.71.01.1001',
      whatsapp: '0812 9555 0101',
      delivery: ['pickup'],
    });
    const opened = await stored(`SHOP#${shop.id}`, 'SHOP');
    await handle({ Records: [record('2', undefined, opened), record('2', undefined, opened)] });
    expect((await Shop.get(db, shop.id)).badge).toMatchObject({
      programme: 'tkm',
      cohort: 'Menjahit 2026',
      year: 2026,
      status: 'verified',
      decidedBy: officer.userId,
    });

    const now = new Date().toISOString();
    const before = { type: 'Order', shopId: shop.id, status: 'shipped', total: 150_000, updatedAt: now, history: [] };
    const after = { ...before, status: 'completed', history: [{ status: 'completed', at: now }] };
    await handle({ Records: [record('3', before, after), record('3', before, after)] });
    const page = await Programme.cohortPage(as(officer), { cohortId: c.id, window: 6 });
    expect(page.participants[0]?.followup).toMatchObject({
      shop: { id: shop.id, handle: 'jahitnur', name: 'Jahit Nur' },
      orders: 1,
      sales: 150_000,
      alive: true,
    });
  });
});
