export * from './client-address.ts';
export * from './cookies.ts';
export * from './origin-secret.ts';
export * from './paths.ts';
export * from './security-headers.ts';
export * from './share-script.ts';
export * from './status.ts';
