export const id = {
  'media.cv.not_pdf': 'Berkas CV harus PDF. Simpan CV Anda sebagai PDF lalu unggah lagi.',
  'media.cv.too_large': 'Berkas CV maksimal 2 MB. Perkecil berkasnya lalu unggah lagi.',
  'media.cv.missing': 'Unggahan CV tidak ditemukan. Coba unggah lagi.',
  'media.cv.wrong_owner': 'Berkas ini bukan milik Anda.',
  'media.file.type': 'Berkas harus PDF, JPG atau PNG. Foto atau pindai sertifikat Anda lalu unggah lagi.',
  'media.image.type': 'Berkas ini bukan foto. Pilih foto JPG, PNG atau WebP.',
  'media.image.too_large': 'Foto maksimal 5 MB. Pilih foto lain atau perkecil dulu.',
  'media.image.too_small': 'Foto terlalu kecil. Pilih foto dengan lebar minimal 200 piksel.',
  'media.image.processing': 'Foto masih diproses. Tunggu sebentar lalu coba lagi.',
  'media.image.missing': 'Foto tidak ditemukan. Coba unggah lagi.',
  'media.image.limit': 'Paling banyak 5 foto.',
} as const;

export const en = {
  'media.cv.not_pdf': 'The CV must be a PDF. Save your CV as a PDF and upload it again.',
  'media.cv.too_large': 'The CV can be at most 2 MB. Make the file smaller and upload it again.',
  'media.cv.missing': 'The CV upload was not found. Try uploading again.',
  'media.cv.wrong_owner': 'This file is not yours.',
  'media.file.type': 'The file must be a PDF, JPG or PNG. Photograph or scan your certificate and upload it again.',
  'media.image.type': 'This file is not a photo. Choose a JPG, PNG or WebP photo.',
  'media.image.too_large': 'Photos can be at most 5 MB. Choose another photo or make it smaller first.',
  'media.image.too_small': 'The photo is too small. Choose one at least 200 pixels wide.',
  'media.image.processing': 'The photo is still being processed. Wait a moment and try again.',
  'media.image.missing': 'Photo not found. Try uploading it again.',
  'media.image.limit': 'At most 5 photos.',
} satisfies Record<keyof typeof id, string>;
