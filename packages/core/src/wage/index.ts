/** Wage reference data: the minimum wage (UMK) per regency and year. Import as `import { Wage } from '@bursa/core/wage'`. */
export * as Wage from './index.ts';
export * from './wage.minimum.ts';
