import { createDb } from '@bursa/core/db';
import { loadConfig } from '@bursa/core/kernel';
import { useLocalStackOrExit } from './local/running-stack.ts';
import { seedAll } from './seed/index.ts';

/**
 * `npm run seed`: loads reference and demo data into the running `npm start`
 * (or, with STAGE and TABLE_NAME set, a deployed table), idempotently. `npm
 * start` already seeds on every start; this is for a stack started without it.
 */
useLocalStackOrExit();
const config = loadConfig();
const result = await seedAll(createDb(config), config.homeRegency, { photos: true });
console.log(
  `Seeded table ${config.tableName}: ${result.regions} region items, ${result.companies} demo companies, ${result.vacancies} new vacancies, ${result.shops} shops, ${result.products} products, ${result.posts} posts.`,
);
