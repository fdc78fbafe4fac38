import { optionalField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
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
    z.pipe(
      z.array(z.string().check(z.maxLength(40))).check(z.maxLength(max, code)),
      z.transform((a) => [...new Set(a)]),
    ),
  );

export const shopKeySchema = z.object({ shopId: z.string().check(z.maxLength(40)) });
export const postFieldsSchema = z.object({
  shopId: z.string().check(z.maxLength(40)),
  caption: z._default(z.string('post.caption.max').check(z.trim(), z.maxLength(CAPTION_MAX, 'post.caption.max')), ''),
  photos: z.pipe(ids(5, 'media.image.limit'), z.array(z.string()).check(z.minLength(1, 'post.photos.required'))),
  tags: z._default(ids(5, 'post.tags.max'), []),
});
export type PostFields = z.input<typeof postFieldsSchema>;
export const postKeySchema = z.object({
  shopId: z.string().check(z.maxLength(40)),
  postId: z.string().check(z.maxLength(40)),
});
export const commentFieldsSchema = z.extend(postKeySchema, {
  text: z
    .string('comment.text.length')
    .check(z.trim(), z.minLength(1, 'comment.text.length'), z.maxLength(COMMENT_MAX, 'comment.text.length')),
});
export const commentKeySchema = z.extend(postKeySchema, { commentId: z.string().check(z.maxLength(40)) });
export const pageSchema = z.object({ cursor: optionalField(z.string().check(z.maxLength(2000))) });
export const shopPageSchema = z.extend(shopKeySchema, { cursor: optionalField(z.string().check(z.maxLength(600))) });
export const postPageSchema = z.extend(postKeySchema, { cursor: optionalField(z.string().check(z.maxLength(600))) });
