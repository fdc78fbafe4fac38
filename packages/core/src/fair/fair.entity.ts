import { Entity, item, list, map, number, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';

/**
 * Job fairs (docs/data-model.md, "Fair, Booth, Registration, Slot").
 *   Fair         pk = FAIR#<id>                 sk = FAIR            (a fair; `booths`, `registered`, `checkedIn` kept in the transactions that enforce the quotas)
 *                gsi1pk = FAIRS                 gsi1sk = <startDate>#<id>   (every fair by date: the public list, the office's list)
 *   FairSlug     pk = FAIRSLUG#<slug>           sk = FAIRSLUG        → fairId (unique addresses)
 *   Booth        pk = FAIR#<fairId>             sk = BOOTH#<companyId>   (a fair's booths)
 *                gsi1pk = BOOTHS#<companyId>    gsi1sk = <fairId>        (a company's booths)
 *   Registration pk = FAIR#<fairId>             sk = REG#<userId>    (one per person per fair: the ticket)
 *                gsi1pk = TICKETS#<userId>      gsi1sk = <fairId>        (a person's tickets)
 *   TicketCode   pk = TICKET#<fairId>#<code>    sk = TICKET          → userId (the short code read aloud, unique per fair)
 *   TicketToken  pk = TICKETTOKEN#<token>       sk = TICKET          → fairId, userId (the QR's unguessable token)
 *   Slot         pk = SLOTS#<fairId>#<companyId> sk = SLOT#<startsAt>#<id>  (a booth's interview slots, by time)
 *   SlotBooking  pk = VACANCY#<vacancyId>       sk = BOOKING#<fairId>#<userId>  (one slot per application per fair)
 *                gsi3pk = REMIND#<yyyy-mm-ddThh> gsi3sk = <startsAt>#<userId>  (the reminder job: bookings by hour)
 */
export const FAIR_MODES = ['virtual', 'hybrid', 'onsite'] as const;
export const FAIR_STATUSES = ['draft', 'published', 'live', 'ended'] as const;
export const BOOTH_STATUSES = ['pending', 'approved', 'declined'] as const;
export const SLOT_HOW = ['video', 'onsite'] as const;
export type FairMode = (typeof FAIR_MODES)[number];
export type FairStatus = (typeof FAIR_STATUSES)[number];

const build = (table: BursaTable) => ({
  Fair: new Entity({
    name: 'Fair',
    table,
    timestamps: false,
    schema: item({
      id: string().key(),
      slug: string(),
      name: string(),
      description: string(),
      /** A public photo (media.images.ts). */
      banner: string().optional(),
      /** WIB calendar days, `YYYY-MM-DD`, and daily hours `HH:MM`. */
      startDate: string(),
      endDate: string(),
      opensAt: string(),
      closesAt: string(),
      mode: string().enum(...FAIR_MODES),
      venue: string().optional(),
      districtCode: string().optional(),
      registrationQuota: number(),
      boothQuota: number(),
      status: string().enum(...FAIR_STATUSES),
      booths: number().optional(),
      registered: number().optional(),
      checkedIn: number().optional(),
      createdBy: string(),
      createdAt: string(),
      updatedAt: string(),
      version: number(),
    }).and((s) => ({
      gsi1pk: string()
        .hidden()
        .link<typeof s>(() => 'FAIRS'),
      gsi1sk: string()
        .hidden()
        .link<typeof s>(({ startDate, id }) => `${startDate}#${id}`),
    })),
    computeKey: ({ id }) => ({ pk: `FAIR#${id}`, sk: 'FAIR' }),
  }),
  FairSlug: new Entity({
    name: 'FairSlug',
    table,
    timestamps: false,
    schema: item({ slug: string().key(), fairId: string() }),
    computeKey: ({ slug }) => ({ pk: `FAIRSLUG#${slug}`, sk: 'FAIRSLUG' }),
  }),
  Booth: new Entity({
    name: 'Booth',
    table,
    timestamps: false,
    schema: item({
      fairId: string().key(),
      companyId: string().key(),
      companyName: string(),
      fairName: string(),
      fairSlug: string(),
      status: string().enum(...BOOTH_STATUSES),
      reason: string().optional(),
      intro: string().optional(),
      videoUrl: string().optional(),
      /** The open vacancies the employer brings to this fair (ids; at most 10). */
      vacancyIds: list(string()).optional(),
      recruiters: list(string()).optional(),
      sessions: list(map({ title: string(), at: string(), where: string() })).optional(),
      requestedBy: string(),
      decidedBy: string().optional(),
      createdAt: string(),
      updatedAt: string(),
    }).and((s) => ({
      gsi1pk: string()
        .hidden()
        .link<typeof s>(({ companyId }) => `BOOTHS#${companyId}`),
      gsi1sk: string()
        .hidden()
        .link<typeof s>(({ fairId }) => fairId),
    })),
    computeKey: ({ fairId, companyId }) => ({ pk: `FAIR#${fairId}`, sk: `BOOTH#${companyId}` }),
  }),
  Registration: new Entity({
    name: 'Registration',
    table,
    timestamps: false,
    schema: item({
      fairId: string().key(),
      userId: string().key(),
      name: string(),
      fairName: string(),
      fairSlug: string(),
      villageCode: string().optional(),
      code: string(),
      /** The QR's token (256 bits, random): only the ticket's holder and officers read it. */
      token: string(),
      checkedInAt: string().optional(),
      checkedInBy: string().optional(),
      checkedInByName: string().optional(),
      createdAt: string(),
    }).and((s) => ({
      gsi1pk: string()
        .hidden()
        .link<typeof s>(({ userId }) => `TICKETS#${userId}`),
      gsi1sk: string()
        .hidden()
        .link<typeof s>(({ fairId }) => fairId),
    })),
    computeKey: ({ fairId, userId }) => ({ pk: `FAIR#${fairId}`, sk: `REG#${userId}` }),
  }),
  TicketCode: new Entity({
    name: 'TicketCode',
    table,
    timestamps: false,
    schema: item({ fairId: string().key(), code: string().key(), userId: string() }),
    computeKey: ({ fairId, code }) => ({ pk: `TICKET#${fairId}#${code}`, sk: 'TICKET' }),
  }),
  TicketToken: new Entity({
    name: 'TicketToken',
    table,
    timestamps: false,
    schema: item({ token: string().key(), fairId: string(), userId: string() }),
    computeKey: ({ token }) => ({ pk: `TICKETTOKEN#${token}`, sk: 'TICKET' }),
  }),
  Slot: new Entity({
    name: 'Slot',
    table,
    timestamps: false,
    schema: item({
      fairId: string().key(),
      companyId: string().key(),
      key: string().key(),
      id: string(),
      startsAt: string(),
      minutes: number(),
      how: string().enum(...SLOT_HOW),
      /** A video-call link the employer provides (Meet, Zoom, WhatsApp), or a table at the venue. */
      link: string().optional(),
      table: string().optional(),
      bookedBy: string().optional(),
      bookedName: string().optional(),
      bookedAt: string().optional(),
      vacancyId: string().optional(),
      attendance: string().enum('attended', 'no_show').optional(),
      createdAt: string(),
    }),
    computeKey: ({ fairId, companyId, key }) => ({ pk: `SLOTS#${fairId}#${companyId}`, sk: key }),
  }),
  SlotBooking: new Entity({
    name: 'SlotBooking',
    table,
    timestamps: false,
    schema: item({
      vacancyId: string().key(),
      fairId: string().key(),
      userId: string().key(),
      companyId: string(),
      slotKey: string(),
      startsAt: string(),
      companyName: string().optional(),
      fairName: string().optional(),
      fairSlug: string().optional(),
    }).and((s) => ({
      // The reminder job reads the bookings starting in a given hour.
      gsi3pk: string()
        .hidden()
        .link<typeof s>(({ startsAt }) => `REMIND#${startsAt.slice(0, 13)}`),
      gsi3sk: string()
        .hidden()
        .link<typeof s>(({ startsAt, userId }) => `${startsAt}#${userId}`),
    })),
    computeKey: ({ vacancyId, fairId, userId }) => ({ pk: `VACANCY#${vacancyId}`, sk: `BOOKING#${fairId}#${userId}` }),
  }),
});

export const fairEntities = (db: Db) => bindEntities(db, build);
