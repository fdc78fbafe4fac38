import { createDb } from '@bursa/core/db';
import { loadConfig } from '@bursa/core/kernel';
import { useLocalStackOrExit } from './local/running-stack.ts';
import { runMigrations } from './migrations.ts';

/**
 * `npm run migrate`: runs the data migrations a table has not had yet
 * (scripts/migrations.ts). Locally against the running `npm start` (which runs
 * them itself when it starts); in AWS set STAGE, TABLE_NAME and credentials.
 */
useLocalStackOrExit();
const db = createDb(loadConfig());
await runMigrations(db, (line) => console.log(line));
console.log(`migrations done (table ${db.tableName})`);
