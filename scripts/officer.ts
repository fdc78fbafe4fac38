import * as Account from '@bursa/core/account';
import { createDb } from '@bursa/core/db';
import { loadConfig } from '@bursa/core/kernel';
import { useLocalStackOrExit } from './local/running-stack.ts';

/**
 * `npm run officer -- <email or phone>`: makes an existing account a manpower
 * office officer. Officers are never self-registered. Locally it talks to the
 * running `npm start` (found through .data/stack.json, whatever its ports); in
 * AWS set STAGE, TABLE_NAME and AWS credentials.
 */
const login = process.argv[2];
if (!login) {
  console.error('Usage: npm run officer -- <email or phone of an existing account>');
  process.exit(1);
}
const id = Account.parseIdentifier(login);
if (!id) {
  console.error(`"${login}" is not an email address or an Indonesian mobile number.`);
  process.exit(1);
}
useLocalStackOrExit();
const db = createDb(loadConfig());
const userId = await Account.findUserId(db, id);
if (!userId) {
  console.error(`No account for ${id.value} in table ${db.tableName}. Register it first.`);
  process.exit(1);
}
await Account.grantRole(db, userId, 'officer');
console.log(`${id.value} is now an officer (table ${db.tableName}).`);
