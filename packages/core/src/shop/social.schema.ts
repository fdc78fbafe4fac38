import * as z from 'zod';
import { optionalField } from '../kernel/validation.ts';
import { CAPTION_MAX, COMMENT_MAX } from './social.entity.ts';

const ids = (max: number, code: string) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : (v ?? []),
    z
      .array(z.string().max(40))
      .max(max, code)
      .transform((a) => [...new Set(a)]),
  );

export const shopKeySchema = z.object({ shopId: z.string().max(40) });
export const postFieldsSchema = z.object({
  shopId: z.string().max(40),
  caption: z.string('post.caption.max').trim().max(CAPTION_MAX, 'post.caption.max').default(''),
  photos: ids(5, 'media.image.limit').pipe(z.array(z.string()).min(1, 'post.photos.required')),
  tags: ids(5, 'post.tags.max').default([]),
});
export type PostFields = z.input<typeof postFieldsSchema>;
export const postKeySchema = z.object({ shopId: z.string().max(40), postId: z.string().max(40) });
export const commentFieldsSchema = postKeySchema.extend({
  text: z.string('comment.text.length').trim().min(1, 'comment.text.length').max(COMMENT_MAX, 'comment.text.length'),
});
export const commentKeySchema = postKeySchema.extend({ commentId: z.string().max(40) });
export const pageSchema = z.object({ cursor: optionalField(z.string().max(2000)) });
export const shopPageSchema = shopKeySchema.extend({ cursor: optionalField(z.string().max(600)) });
export const postPageSchema = postKeySchema.extend({ cursor: optionalField(z.string().max(600)) });
