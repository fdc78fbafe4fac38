import { Entity, item, number, string } from 'dynamodb-toolbox';
import type { Db } from '../db/client.ts';
import { type BursaTable, bindEntities } from '../db/table.ts';

/**
 * An email waiting to be sent (docs/data-model.md, "Mail").
 *   Mail  pk = MAIL#<id>   sk = MAIL   (TTL expiresAt: a week)
 * A request only writes this item (in the same transaction as what the mail is
 * about); the stream consumer sends it (functions/src/events/mail-outbox.ts),
 * so the request path carries no mail client and a failed send is retried.
 */
const build = (table: BursaTable) => ({
  Mail: new Entity({
    name: 'Mail',
    table,
    timestamps: false,
    schema: item({
      id: string().key(),
      to: string(),
      subject: string(),
      text: string(),
      createdAt: string(),
      sentAt: string().optional(),
      expiresAt: number(),
    }),
    computeKey: ({ id }) => ({ pk: `MAIL#${id}`, sk: 'MAIL' }),
  }),
});

export const mailEntities = (db: Db) => bindEntities(db, build);
