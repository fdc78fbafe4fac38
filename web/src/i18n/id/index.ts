export { account } from './account.ts';
export { common } from './common.ts';
export { company } from './company.ts';
export { home } from './home.ts';
export { pipeline } from './pipeline.ts';
export { seeker } from './seeker.ts';
export { shop } from './shop.ts';
export { vacancy } from './vacancy.ts';
