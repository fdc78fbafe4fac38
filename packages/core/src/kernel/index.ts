export * from './config.ts';
export * from './errors.ts';
export * from './format.ts';
export * from './ids.ts';
export * from './validation.ts';
