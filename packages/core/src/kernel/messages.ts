/**
 * Texts for the codes the kernel itself raises (any request, any concept).
 * Every concept has a file like this: Indonesian first, English typed to have
 * exactly the same keys. `{name}` placeholders are filled from the params.
 */
export const id = {
  'request.invalid': 'Periksa kembali isian yang ditandai.',
  'request.field.required': 'Wajib diisi.',
  'request.field.invalid': 'Isian ini tidak valid.',
  'request.field.too_small': 'Terlalu pendek atau terlalu kecil (minimal {min}).',
  'request.field.too_big': 'Terlalu panjang atau terlalu besar (maksimal {max}).',
  'request.field.unknown': 'Ada isian yang tidak dikenal.',
  'request.field.malformed_text':
    'Isian ini memuat karakter yang rusak. Ketik ulang tanpa menempelkan teks dari aplikasi lain.',
  'request.malformed': 'Permintaan tidak dapat dibaca. Kirim JSON yang valid.',
  'request.invalid_cursor': 'Tautan halaman tidak valid. Mulai lagi dari halaman pertama.',
  'request.bad_origin': 'Permintaan dari situs lain ditolak. Buka Bursa langsung lalu coba lagi.',
  'request.direct_access': 'Buka Bursa melalui alamat resminya.',
  'route.not_found': 'Alamat ini tidak ada: {method} {path}.',
  internal: 'Terjadi kesalahan di server. Coba lagi sebentar lagi.',
  'service.unavailable': 'Layanan sedang tidak dapat dihubungi. Coba lagi dalam beberapa saat.',
} as const;

export const en = {
  'request.invalid': 'Please check the highlighted fields.',
  'request.field.required': 'This is required.',
  'request.field.invalid': 'This value is not valid.',
  'request.field.too_small': 'Too short or too small (at least {min}).',
  'request.field.too_big': 'Too long or too large (at most {max}).',
  'request.field.unknown': 'Some fields are not recognised.',
  'request.field.malformed_text':
    'This field contains broken characters. Type it again instead of pasting it from another app.',
  'request.malformed': 'The request could not be read. Send valid JSON.',
  'request.invalid_cursor': 'This page link is not valid. Start again from the first page.',
  'request.bad_origin': 'Requests from other sites are refused. Open Bursa directly and try again.',
  'request.direct_access': 'Open Bursa through its official address.',
  'route.not_found': 'There is nothing at {method} {path}.',
  internal: 'Something went wrong on the server. Try again in a moment.',
  'service.unavailable': 'The service cannot be reached right now. Try again in a few moments.',
} satisfies Record<keyof typeof id, string>;
