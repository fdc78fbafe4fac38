/** Interface texts (home), Bahasa Indonesia: the product's language. */
export const home = {
  'home.title': 'Bursa Kerja & Pasar {region}',
  'home.lead':
    'Cari lowongan dari perusahaan di {region}, temui perekrut di bursa kerja virtual, dan belanja dari wirausaha lulusan pelatihan Disnaker.',
  'home.jobs.title': 'Cari kerja',
  'home.jobs.body':
    'Lowongan penuh waktu, kontrak, magang, dan penempatan luar negeri, tanpa perlu mendaftar untuk melihat.',
  'home.jobs.cta': 'Lihat lowongan',
  'home.jobs.employer': 'Merekrut karyawan? Pasang lowongan gratis',
  'home.market.cta': 'Lihat pasar',
  'home.market.title': 'Belanja produk lokal',
  'home.market.body':
    'Kuliner, kerajinan, dan jasa dari wirausaha baru binaan Disnaker. Pesan lewat WhatsApp, bayar di tempat atau transfer.',
  'home.areas.title': 'Wilayah layanan',
  'home.areas.summary': '{districts} kecamatan, {villages} kelurahan',
  'home.areas.villages': '{count} kelurahan',
  'home.areas.missing': 'Data wilayah belum dimuat. Jalankan npm start untuk memuat data awal.',
  'home.updated': 'Diperbarui {date}, pukul {time} WIB',
} as const;
