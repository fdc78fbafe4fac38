export const id = {
  'media.cv.not_pdf': 'Berkas CV harus PDF. Simpan CV Anda sebagai PDF lalu unggah lagi.',
  'media.cv.too_large': 'Berkas CV maksimal 2 MB. Perkecil berkasnya lalu unggah lagi.',
  'media.cv.missing': 'Unggahan CV tidak ditemukan. Coba unggah lagi.',
  'media.cv.wrong_owner': 'Berkas ini bukan milik Anda.',
} as const;

export const en = {
  'media.cv.not_pdf': 'The CV must be a PDF. Save your CV as a PDF and upload it again.',
  'media.cv.too_large': 'The CV can be at most 2 MB. Make the file smaller and upload it again.',
  'media.cv.missing': 'The CV upload was not found. Try uploading again.',
  'media.cv.wrong_owner': 'This file is not yours.',
} satisfies Record<keyof typeof id, string>;
