import { randomBytes, randomInt } from 'node:crypto';
import {
  $add,
  executeTransactWrite,
  GetItemCommand,
  PutTransaction,
  QueryCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import type { Db } from '../db/client.ts';
import { isConditionFailure, withConflictRetry } from '../db/conditions.ts';
import { nowOf } from '../kernel/ctx.ts';
import { conflict, DomainError, forbidden, notFound } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { ID_PATTERN } from '../kernel/ids.ts';
import * as z from '../kernel/zod.ts';
import * as Profile from '../profile/index.ts';
import { fairEntities } from './fair.entity.ts';
import { fairCapabilities } from './fair.policy.ts';
import { checkInSchema, fairIdSchema } from './fair.schema.ts';
import { getFair } from './fair.use-cases.ts';

export type Ticket = {
  fairId: string;
  userId: string;
  name: string;
  fairName: string;
  fairSlug: string;
  villageCode?: string;
  code: string;
  token: string;
  checkedInAt?: string;
  checkedInBy?: string;
  checkedInByName?: string;
  createdAt: string;
};

/** Six characters read aloud at the door: no 0/O, 1/I/L. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const newTicketCode = () => Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(31)]).join('');
/** What the QR code carries: the fair and a 256-bit random token (unguessable; checked against the table). */
export const qrPayload = (t: Pick<Ticket, 'fairId' | 'token'>) => `BURSA1.${t.fairId}.${t.token}`;

async function ticketOf(db: Db, fairId: string, userId: string): Promise<Ticket | undefined> {
  const { Item } = await fairEntities(db).Registration.build(GetItemCommand).key({ fairId, userId }).send();
  return Item as Ticket | undefined;
}

/**
 * A signed-in person registers for a published or live fair and gets a
 * ticket: a short code and a QR token. The fair's registration quota holds
 * under concurrency (the count moves in the same transaction, on condition
 * it is below the quota); registering twice returns the same ticket.
 */
export const register = fn(fairIdSchema, async ({ fairId }, ctx): Promise<Ticket> => {
  const me = Account.requireSignedIn(ctx.actor);
  const [fair, existing, profile] = await Promise.all([
    getFair(ctx.db, fairId),
    ticketOf(ctx.db, fairId, me.userId),
    Profile.find(ctx.db, me.userId),
  ]);
  if (existing) return existing;
  if (!fairCapabilities(fair, { actor: me }).register) throw conflict('fair.closed');
  const { Registration, TicketCode, TicketToken, Fair } = fairEntities(ctx.db);
  for (let attempt = 0; attempt < 5; attempt++) {
    const ticket: Ticket = {
      fairId,
      userId: me.userId,
      name: me.name,
      fairName: fair.name,
      fairSlug: fair.slug,
      ...(profile?.villageCode ? { villageCode: profile.villageCode } : {}),
      code: newTicketCode(),
      token: randomBytes(32).toString('base64url'),
      createdAt: new Date(nowOf(ctx)).toISOString(),
    };
    try {
      await withConflictRetry(
        () =>
          executeTransactWrite(
            Registration.build(PutTransaction)
              .item(ticket)
              .options({ condition: { attr: 'userId', exists: false } }),
            TicketCode.build(PutTransaction)
              .item({ fairId, code: ticket.code, userId: me.userId })
              .options({ condition: { attr: 'code', exists: false } }),
            TicketToken.build(PutTransaction).item({ token: ticket.token, fairId, userId: me.userId }),
            Fair.build(UpdateTransaction)
              .item({ id: fairId, registered: $add(1) } as never)
              .options({
                condition: {
                  or: [
                    { attr: 'registered', exists: false },
                    { attr: 'registered', lt: fair.registrationQuota },
                  ],
                },
              }),
          ),
        { attempts: 8 },
      );
      return ticket;
    } catch (e) {
      if (isConditionFailure(e, 0)) return (await ticketOf(ctx.db, fairId, me.userId)) as Ticket;
      if (isConditionFailure(e, 1)) continue;
      if (isConditionFailure(e, 3)) throw conflict('fair.full');
      throw e;
    }
  }
  throw new Error('No free ticket code after 5 draws');
});

/** The asker's ticket for a fair, if they registered (the ticket page). */
export const myTicket = fn(fairIdSchema, async ({ fairId }, ctx): Promise<Ticket | undefined> => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!ID_PATTERN.test(fairId)) return undefined;
  return ticketOf(ctx.db, fairId, me.userId);
});

/** The asker's tickets, newest fairs first (at most 20). */
export const myTickets = fn(z.partial(fairIdSchema), async (_input, ctx): Promise<Ticket[]> => {
  const me = Account.requireSignedIn(ctx.actor);
  const { Items = [] } = await ctx.db.table
    .build(QueryCommand)
    .entities(fairEntities(ctx.db).Registration)
    .query({ index: 'gsi1', partition: `TICKETS#${me.userId}` })
    .options({ reverse: true, limit: 20 })
    .send();
  return Items as Ticket[];
});

export type CheckIn = { ticket: Ticket; already: boolean };

/**
 * An officer at the venue checks a ticket in: the QR's payload or the short
 * code typed. The ticket must belong to this fair (a ticket for another fair
 * is refused), and checks in once: a second scan says when and by whom.
 */
export const checkIn = fn(checkInSchema, async ({ fairId, input }, ctx): Promise<CheckIn> => {
  const me = Account.requireSignedIn(ctx.actor);
  const fair = await getFair(ctx.db, fairId);
  if (!fairCapabilities(fair, { actor: me }).checkIn) throw forbidden('fair.officers_only');
  const { Registration, TicketCode, TicketToken, Fair } = fairEntities(ctx.db);
  let userId: string | undefined;
  const qr = /^BURSA1\.([0-9a-z]{20})\.([A-Za-z0-9_-]{43})$/.exec(input.trim());
  if (qr) {
    const { Item } = await TicketToken.build(GetItemCommand)
      .key({ token: qr[2] as string })
      .send();
    if (!Item) throw notFound('fair.ticket.not_found');
    if (Item.fairId !== fairId || qr[1] !== fairId) throw new DomainError('conflict', 'fair.ticket.other_fair');
    userId = Item.userId;
  } else {
    const code = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
    if (!/^[2-9A-HJKMNP-Z]{6}$/.test(code)) throw notFound('fair.ticket.not_found');
    const { Item } = await TicketCode.build(GetItemCommand).key({ fairId, code }).send();
    if (!Item) throw notFound('fair.ticket.not_found');
    userId = Item.userId;
  }
  const at = new Date(nowOf(ctx)).toISOString();
  try {
    await withConflictRetry(() =>
      executeTransactWrite(
        Registration.build(UpdateTransaction)
          .item({ fairId, userId, checkedInAt: at, checkedInBy: me.userId, checkedInByName: me.name } as never)
          .options({
            condition: {
              and: [
                { attr: 'userId', exists: true },
                { attr: 'checkedInAt', exists: false },
              ],
            },
          }),
        Fair.build(UpdateTransaction).item({ id: fairId, checkedIn: $add(1) } as never),
      ),
    );
  } catch (e) {
    if (!isConditionFailure(e, 0)) throw e;
    const ticket = await ticketOf(ctx.db, fairId, userId as string);
    if (!ticket) throw notFound('fair.ticket.not_found');
    return { ticket, already: true };
  }
  return { ticket: (await ticketOf(ctx.db, fairId, userId as string)) as Ticket, already: false };
});
