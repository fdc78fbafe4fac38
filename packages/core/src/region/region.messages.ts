export const id = {
  'region.not_found': 'Wilayah {code} tidak dikenal atau belum dimuat.',
  'region.district.invalid': 'Pilih kecamatan di {regency}.',
  'region.village.invalid': 'Pilih kelurahan yang ada di Kecamatan {district} (kecamatan yang dipilih).',
} as const;

export const en = {
  'region.not_found': 'Area {code} is unknown or not loaded yet.',
  'region.district.invalid': 'Choose a kecamatan (district) in {regency}.',
  'region.village.invalid': 'Choose a kelurahan in Kecamatan {district} (the kecamatan chosen).',
} satisfies Record<keyof typeof id, string>;
