export const id = {
  'audit.officer_only': 'Hanya petugas Disnaker yang dapat membaca catatan audit.',
  'audit.month': 'Pilih bulan dengan format TTTT-BB, misalnya 2026-11.',
  'audit.target': 'Jenis atau kode yang dicari tidak dikenal.',
} as const;

export const en = {
  'audit.officer_only': 'Only manpower office officers can read the audit log.',
  'audit.month': 'Choose a month as YYYY-MM, for example 2026-11.',
  'audit.target': 'Unknown kind or id to look up.',
} satisfies Record<keyof typeof id, string>;
