import type { Locale } from '@bursa/core';

/**
 * Core writes its error messages in Bahasa Indonesia (they reach people
 * through the API too). English pages show these translations; a message not
 * listed here (a new one in core) is shown as core wrote it, never dropped.
 */
const exact: Record<string, string> = {
  'Alamat maksimal 300 huruf.': 'The address can be at most 300 characters.',
  'Alamat email terlalu panjang.': 'That email address is too long.',
  'Email atau nomor HP terlalu panjang.': 'That email or mobile number is too long.',
  'Alasan maksimal 500 huruf.': 'The reason can be at most 500 characters.',
  'Maksimal 10.000 orang.': 'At most 10,000 openings.',
  'Akun tidak ditemukan.': 'Account not found.',
  'Alamat email tidak valid, contoh: nama@contoh.id': 'Not a valid email address, for example: name@example.id',
  'Deskripsi maksimal 2.000 huruf.': 'The description can be at most 2,000 characters.',
  'Deskripsi maksimal 5.000 huruf.': 'The description can be at most 5,000 characters.',
  'Deskripsi minimal 20 huruf: tulis tugas dan syaratnya.':
    'The description needs at least 20 characters: write the duties and requirements.',
  'Email ini sudah terdaftar. Silakan masuk, atau pakai email lain.':
    'This email is already registered. Sign in, or use another email.',
  'Email ini sudah terdaftar.': 'This email is already registered.',
  'Email/nomor HP atau kata sandi salah.': 'Wrong email/mobile number or password.',
  'Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi.':
    'This form has expired or is not valid. Reload the page and try again.',
  'Gaji minimum tidak boleh lebih besar dari gaji maksimum.': 'The minimum salary cannot be more than the maximum.',
  'Gaji terlalu besar.': 'That salary is too large.',
  'Gaji tidak boleh negatif.': 'The salary cannot be negative.',
  'Hanya anggota perusahaan ini yang boleh mengubahnya.': 'Only members of this company may change it.',
  'Hanya petugas Disnaker yang dapat memverifikasi perusahaan.': 'Only manpower office officers can verify companies.',
  'Isi email atau nomor HP.': 'Enter an email address or a mobile number.',
  'Isi kata sandi.': 'Enter your password.',
  'Jenis pekerjaan tidak dikenal.': 'Unknown job type.',
  'Judul maksimal 120 huruf.': 'The title can be at most 120 characters.',
  'Judul minimal 3 huruf.': 'The title needs at least 3 characters.',
  'Jumlah lowongan harus bilangan bulat.': 'The number of openings must be a whole number.',
  'Kata sandi harus memuat huruf dan angka.': 'The password must contain letters and digits.',
  'Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain.':
    'This password is too common and easy to guess. Choose another.',
  'Kata sandi maksimal 128 karakter.': 'The password can be at most 128 characters.',
  'Kata sandi minimal 8 karakter.': 'The password needs at least 8 characters.',
  'Kode kecamatan tidak valid.': 'Not a valid district code.',
  'Lowongan ini baru saja diubah orang lain. Muat ulang halaman lalu coba lagi.':
    'Someone else just changed this vacancy. Reload the page and try again.',
  'Lowongan ini sudah ditutup.': 'This vacancy is already closed.',
  'Lowongan tidak ditemukan.': 'Vacancy not found.',
  'Lowongan yang sudah ditutup tidak dapat diubah.': 'A closed vacancy cannot be changed.',
  'Maksimal 15 keahlian.': 'At most 15 skills.',
  'Minimal 1 orang.': 'At least 1 person.',
  'NIB terdiri dari 13 angka.': 'An NIB has 13 digits.',
  'Nama maksimal 100 huruf.': 'The name can be at most 100 characters.',
  'Nama minimal 2 huruf.': 'The name needs at least 2 letters.',
  'Nama perusahaan maksimal 120 huruf.': 'The company name can be at most 120 characters.',
  'Nama perusahaan minimal 2 huruf.': 'The company name needs at least 2 letters.',
  'Nomor HP ini sudah terdaftar. Silakan masuk, atau pakai nomor lain.':
    'This mobile number is already registered. Sign in, or use another number.',
  'Nomor HP ini sudah terdaftar.': 'This mobile number is already registered.',
  'Nomor HP tidak valid, contoh: 0812 3456 7890': 'Not a valid mobile number, for example: 0812 3456 7890',
  'Nomor telepon tidak valid, contoh: 021-5551234 atau 0812 3456 7890':
    'Not a valid phone number, for example: 021-5551234 or 0812 3456 7890',
  'Pendidikan tidak dikenal.': 'Unknown education level.',
  'Periksa kembali isian yang ditandai.': 'Check the highlighted fields.',
  'Perusahaan tidak ditemukan.': 'Company not found.',
  'Pilih jenis pekerjaan.': 'Choose a job type.',
  'Pilih kecamatan.': 'Choose a district.',
  'Pilih kelurahan.': 'Choose a village.',
  'Pilih pendidikan minimal.': 'Choose the minimum education.',
  'Pilih sektor usaha.': 'Choose a sector.',
  'Rupiah ditulis tanpa sen.': 'Write whole rupiah, without cents.',
  'Setiap keahlian maksimal 40 huruf.': 'Each skill can be at most 40 characters.',
  'Silakan masuk terlebih dahulu.': 'Please sign in first.',
  'Tanggal penutupan sudah lewat. Pilih hari ini atau sesudahnya.':
    'The closing date has passed. Choose today or a later date.',
  'Tautan halaman tidak valid. Mulai lagi dari halaman pertama.':
    'This page link is not valid. Start again from the first page.',
  'Tulis alamat lengkap (jalan, nomor).': 'Write the full address (street, number).',
  'Tulis alasan penutupan untuk perusahaan.': 'Write the reason for closing, for the company.',
  'Tulis angka rupiah, contoh 4500000.': 'Write an amount in rupiah, for example 4500000.',
  'Tulis jumlah lowongan.': 'Write the number of openings.',
  'Tulis tanggal penutupan (TTTT-BB-HH).': 'Write the closing date (YYYY-MM-DD).',
};

const patterns: [RegExp, string][] = [
  [/^Kelurahan tidak ada di Kecamatan (.+)\.$/, 'This village is not in $1 district.'],
  [/^Pilih kecamatan di (.+)\.$/, 'Choose a district in $1.'],
  [
    /^Terlalu banyak percobaan masuk yang gagal\. Coba lagi dalam (\d+) menit\.$/,
    'Too many failed sign-in attempts. Try again in $1 minutes.',
  ],
];

/** A core message in the page's language. */
export function coreMessage(message: string, locale: Locale): string {
  if (locale === 'id') return message;
  const hit = exact[message];
  if (hit) return hit;
  for (const [pattern, replacement] of patterns) {
    if (pattern.test(message)) return message.replace(pattern, replacement);
  }
  return message;
}
