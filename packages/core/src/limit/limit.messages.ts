export const id = {
  'limit.register': 'Terlalu banyak pendaftaran akun dari jaringan ini. Coba lagi dalam {minutes} menit.',
  'limit.company':
    'Batas pendaftaran perusahaan hari ini sudah tercapai. Coba lagi dalam {hours} jam, atau hubungi Disnaker.',
  'limit.vacancy': 'Batas lowongan baru hari ini sudah tercapai. Coba lagi dalam {hours} jam, atau hubungi Disnaker.',
  'limit.application': 'Anda sudah mengirim 50 lamaran hari ini. Coba lagi dalam {hours} jam.',
  'limit.busy': 'Permintaan yang sama sedang diproses. Coba lagi sebentar lagi.',
  'limit.reset': 'Terlalu banyak permintaan kode. Coba lagi dalam {minutes} menit.',
  'limit.report': 'Anda sudah mengirim banyak laporan hari ini. Coba lagi dalam {hours} jam.',
} as const;

export const en = {
  'limit.register': 'Too many accounts registered from this network. Try again in {minutes} minutes.',
  'limit.company':
    "Today's limit for registering companies is reached. Try again in {hours} hours, or contact the manpower office.",
  'limit.vacancy':
    "Today's limit for new vacancies is reached. Try again in {hours} hours, or contact the manpower office.",
  'limit.application': 'You have sent 50 applications today. Try again in {hours} hours.',
  'limit.busy': 'The same request is being handled. Try again in a moment.',
  'limit.reset': 'Too many code requests. Try again in {minutes} minutes.',
  'limit.report': 'You have sent many reports today. Try again in {hours} hours.',
} satisfies Record<keyof typeof id, string>;
