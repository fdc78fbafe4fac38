/** Wage reference data: the minimum wage (UMK) per regency and year. Import as `import * as Wage from '@bursa/core/wage'`. */
export * from './wage.minimum.ts';
