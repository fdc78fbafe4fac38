export * from './client.ts';
export * from './create-table.ts';
export * from './metrics.ts';
export * from './table-design.ts';
