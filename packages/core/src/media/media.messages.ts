export const id = {
  'media.cv.not_pdf': 'Berkas CV harus PDF. Simpan CV Anda sebagai PDF lalu unggah lagi.',
  'media.cv.too_large': 'Berkas CV maksimal 2 MB. Perkecil berkasnya lalu unggah lagi.',
  'media.cv.missing': 'Unggahan CV tidak ditemukan. Coba unggah lagi.',
  'media.cv.wrong_owner': 'Berkas ini bukan milik Anda.',
  'media.file.type': 'Berkas harus PDF, JPG atau PNG. Foto atau pindai sertifikat Anda lalu unggah lagi.',
} as const;

export const en = {
  'media.cv.not_pdf': 'The CV must be a PDF. Save your CV as a PDF and upload it again.',
  'media.cv.too_large': 'The CV can be at most 2 MB. Make the file smaller and upload it again.',
  'media.cv.missing': 'The CV upload was not found. Try uploading again.',
  'media.cv.wrong_owner': 'This file is not yours.',
  'media.file.type': 'The file must be a PDF, JPG or PNG. Photograph or scan your certificate and upload it again.',
} satisfies Record<keyof typeof id, string>;
