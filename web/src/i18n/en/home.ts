import type { home as id } from '../id/home.ts';

/** Interface texts (home), English: exactly the Indonesian keys. */
export const home = {
  'home.title': '{region} Job Fair & Market',
  'home.lead':
    'Find vacancies from companies in {region}, meet recruiters at the virtual job fair, and shop from entrepreneurs trained by the manpower office.',
  'home.jobs.title': 'Find work',
  'home.jobs.body': 'Full-time, contract, apprenticeship and overseas placements. No account needed to browse.',
  'home.jobs.cta': 'Browse jobs',
  'home.jobs.employer': 'Hiring? Post vacancies for free',
  'home.market.cta': 'Browse the market',
  'home.market.title': 'Shop local',
  'home.market.body':
    'Food, crafts and services from newly trained entrepreneurs. Order on WhatsApp, pay cash on delivery or by transfer.',
  'home.areas.title': 'Service area',
  'home.areas.summary': '{districts} districts, {villages} villages',
  'home.areas.villages': '{count} villages',
  'home.areas.missing': 'Area data is not loaded yet. Run npm start to load the initial data.',
  'home.updated': 'Updated {date} at {time} WIB',
} satisfies Record<keyof typeof id, string>;
