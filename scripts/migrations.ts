import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '@bursa/core/db';
import * as Vacancy from '@bursa/core/vacancy';

/**
 * One-off changes to data written by an older Bursa, each run once per table
 * and remembered there (a `MIGRATION` item per name). `npm start` runs them on
 * its persistent table before serving; for a stage in AWS, `npm run migrate`
 * with STAGE, TABLE_NAME and credentials (after the deploy).
 */
const MIGRATIONS: { name: string; run: (db: Db) => Promise<string> }[] = [
  {
    // Issue 15: the listing went from one item per filter combination to three a vacancy.
    name: 'vacancy-listing-v2',
    run: async (db) => `${await Vacancy.relistAll(db)} vacancies relisted`,
  },
];

export async function runMigrations(db: Db, log: (line: string) => void = () => {}): Promise<void> {
  for (const m of MIGRATIONS) {
    const key = { pk: 'MIGRATION', sk: m.name };
    const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key }));
    if (Item) continue;
    const outcome = await m.run(db);
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...key, type: 'Migration', at: new Date().toISOString(), outcome },
      }),
    );
    log(`migration ${m.name}: ${outcome}`);
  }
}
