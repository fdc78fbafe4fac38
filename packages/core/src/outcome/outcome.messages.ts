export const id = {
  'outcome.officers_only': 'Hanya petugas Disnaker yang dapat melihat dasbor capaian.',
  'outcome.month.invalid': 'Tulis bulan, contoh 2026-12.',
  'outcome.period.order': 'Bulan akhir tidak boleh sebelum bulan awal.',
  'outcome.period.too_long': 'Pilih paling lama 24 bulan.',
  'outcome.district.invalid': 'Kecamatan tidak ditemukan di wilayah ini.',
  'outcome.village.invalid': 'Kelurahan tidak ditemukan di kecamatan ini.',
  'outcome.sort.invalid': 'Urutan tidak dikenal.',
  'outcome.cohort.invalid': 'Angkatan ini bukan bagian dari program yang dipilih.',
} as const;

export const en = {
  'outcome.officers_only': 'Only manpower office officers can see the outcomes dashboard.',
  'outcome.month.invalid': 'Write a month, e.g. 2026-12.',
  'outcome.period.order': 'The last month cannot be before the first.',
  'outcome.period.too_long': 'Choose at most 24 months.',
  'outcome.district.invalid': 'This kecamatan is not in this area.',
  'outcome.village.invalid': 'This kelurahan is not in this kecamatan.',
  'outcome.sort.invalid': 'Unknown sort order.',
  'outcome.cohort.invalid': 'This cohort is not part of the chosen programme.',
} satisfies Record<keyof typeof id, string>;
