/** Is the service up and can it reach its table? Import as `import { Health } from '@bursa/core/health'`. */

export * from './health.ts';
export * as Health from './index.ts';
