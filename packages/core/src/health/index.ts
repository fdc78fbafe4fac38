/** Is the service up and can it reach its table? Import as `import * as Health from '@bursa/core/health'`. */

export * from './health.ts';
