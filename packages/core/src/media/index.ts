/** Private uploads in the media bucket (CVs). Import as `import { Media } from '@bursa/core/media'`. */

export * as Media from './index.ts';
export { mediaClient } from './media.client.ts';
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
