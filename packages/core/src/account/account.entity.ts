import { Entity, item, number, set, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';
import { ROLES } from '../kernel/actor.ts';

/**
 * Accounts, sign-in and sessions (docs/data-model.md, "User and Login",
 * "Session", "Device").
 *   User         pk = USER#<userId>                              sk = USER
 *   Login        pk = LOGIN#email#<email> | LOGIN#phone#<+62…>   sk = LOGIN     → userId (uniqueness)
 *   Session      pk = SESSION#<sha256(token)>                    sk = SESSION   (TTL expiresAt)
 *   Device       pk = DEVICE#<sha256(token)>                     sk = DEVICE    (a known device; TTL expiresAt)
 *   ResetCode    pk = USER#<userId>                              sk = RESET     (one-time password reset code; TTL expiresAt)
 */
const build = (table: BursaTable) => ({
  User: new Entity({
    name: 'User',
    table,
    timestamps: false,
    schema: item({
      id: string().key(),
      name: string(),
      email: string().optional(),
      phone: string().optional(),
      roles: set(string().enum(...ROLES)),
      locale: string().enum('id', 'en').optional(),
      passwordHash: string(),
      /** Bumped when the password is reset: every session started before then ends (sessions carry the epoch). */
      sessionEpoch: number().optional(),
      createdAt: string(),
    }),
    computeKey: ({ id }) => ({ pk: `USER#${id}`, sk: 'USER' }),
  }),
  Login: new Entity({
    name: 'Login',
    table,
    timestamps: false,
    schema: item({ kind: string().enum('email', 'phone').key(), value: string().key(), userId: string() }),
    computeKey: ({ kind, value }) => ({ pk: `LOGIN#${kind}#${value}`, sk: 'LOGIN' }),
  }),
  Session: new Entity({
    name: 'Session',
    table,
    timestamps: false,
    schema: item({
      tokenHash: string().key(),
      userId: string(),
      csrf: string(),
      /** The user's sessionEpoch when this session started. */
      epoch: number().optional(),
      createdAt: string(),
      expiresAt: number(),
    }),
    computeKey: ({ tokenHash }) => ({ pk: `SESSION#${tokenHash}`, sk: 'SESSION' }),
  }),
  ResetCode: new Entity({
    name: 'ResetCode',
    table,
    timestamps: false,
    schema: item({
      userId: string().key(),
      codeHash: string(),
      /** Wrong codes tried: past 5 the code is spent. */
      attempts: number(),
      issuedBy: string().enum('email', 'officer'),
      expiresAt: number(),
    }),
    computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'RESET' }),
  }),
  Device: new Entity({
    name: 'Device',
    table,
    timestamps: false,
    schema: item({ tokenHash: string().key(), userId: string(), createdAt: string(), expiresAt: number() }),
    computeKey: ({ tokenHash }) => ({ pk: `DEVICE#${tokenHash}`, sk: 'DEVICE' }),
  }),
});

export const accountEntities = (db: Db) => bindEntities(db, build);
