/** Official areas: regency (kota/kabupaten), kecamatan, kelurahan. Import as `import { Region } from '@bursa/core/region'`. */
export * as Region from './index.ts';
export * as messages from './region.messages.ts';
export * from './region.use-cases.ts';
