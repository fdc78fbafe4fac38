/** Official areas: regency (kota/kabupaten), kecamatan, kelurahan. Import as `import * as Region from '@bursa/core/region'`. */
export * as messages from './region.messages.ts';
export * from './region.use-cases.ts';
