export const id = {
  'region.not_found': 'Wilayah {code} tidak dikenal atau belum dimuat.',
  'region.district.invalid': 'Pilih kecamatan di {regency}.',
  'region.village.invalid': 'Kelurahan tidak ada di Kecamatan {district}.',
} as const;

export const en = {
  'region.not_found': 'Area {code} is unknown or not loaded yet.',
  'region.district.invalid': 'Choose a kecamatan (district) in {regency}.',
  'region.village.invalid': 'That kelurahan is not in Kecamatan {district}.',
} satisfies Record<keyof typeof id, string>;
