/** Uploads in the media bucket: private files (CVs, certificates) and public photos. Import as `import { Media } from '@bursa/core/media'`. */

export * as Media from './index.ts';
export { mediaBucket } from './media.bucket.ts';
export {
  CLIENT_MAX_EDGE,
  findImage,
  IMAGE_MAX_BYTES,
  type Image,
  type ImageUploadForm,
  imageEntities,
  imageUrl,
  ogImageKey,
  ogImageUrl,
  PRIVATE_PREFIX,
  parseUploadKey,
  presignImageUpload,
  privateImageKey,
  privateImageUrl,
  recordImage,
  requireReady,
  srcsetOf,
  UPLOAD_PREFIX,
  uploadKeyOf,
  VARIANT_PREFIX,
  variantKey,
  WIDTHS,
} from './media.images.ts';
export * as messages from './media.messages.ts';
export {
  CV_LINK_SECONDS,
  CV_MAX_BYTES,
  type FileType,
  KINDS,
  type Kind,
  LINK_SECONDS,
  MAX_BYTES,
  presignCvUpload,
  presignUpload,
  removeObject,
  signedCvUrl,
  signedUrl,
  type UploadForm,
  verifyCv,
  verifyUpload,
} from './media.uploads.ts';
