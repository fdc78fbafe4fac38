import { createDb } from '@bursa/core/db';
import { loadConfig } from '@bursa/core/kernel';
import { expireOrders, remindInterviews } from './expire.ts';

const config = loadConfig();
const db = createDb(config);

/** EventBridge's schedule: one run of the jobs. */
export const handler = async () => {
  const expired = await expireOrders(config, db);
  const reminded = await remindInterviews(config, db);
  console.log(JSON.stringify({ job: 'scheduled', expired, reminded }));
  return { expired, reminded };
};
