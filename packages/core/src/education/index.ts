/** Indonesian education levels. Import as `import { Education } from '@bursa/core/education'`. */

export * from './education.ts';
export * as Education from './index.ts';
