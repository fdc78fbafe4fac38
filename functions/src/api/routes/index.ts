import type { Routes } from '../http-api.ts';
import { applicationRoutes } from './applications.ts';
import { authRoutes } from './auth.ts';
import { companyRoutes } from './companies.ts';
import { meRoutes } from './me.ts';
import { regionRoutes } from './regions.ts';
import { searchRoutes } from './search.ts';
import { seekerRoutes } from './seeker.ts';
import { vacancyRoutes } from './vacancies.ts';

/** The API function's routers: every /api path but the payment webhooks (stripe.ts). */
export const apiRoutes: Routes = [
  ['/regions', regionRoutes],
  ['/auth', authRoutes],
  ['/me', meRoutes],
  ['/me', seekerRoutes],
  ['/companies', companyRoutes],
  ['/vacancies', vacancyRoutes],
  ['/vacancies/:vacancyId/applications', applicationRoutes],
  ['/search', searchRoutes],
];
