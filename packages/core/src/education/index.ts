/** Indonesian education levels. Import as `import { Education } from '@bursa/core/education'`. */
export * as Education from './index.ts';
export * from './education.ts';
