/** Indonesian education levels. Import as `import * as Education from '@bursa/core/education'`. */

export * from './education.ts';
