import { DeleteItemCommand, GetItemCommand, PutItemCommand, QueryCommand } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { nowOf } from '../kernel/ctx.ts';
import { forbidden, notFound } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import { ID_PATTERN, newId } from '../kernel/ids.ts';
import { optionalField } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { canDeleteComment, seesHidden } from './shop.policy.ts';
import { roleIn } from './shop.use-cases.ts';
import { REPORT_REASONS, socialEntities } from './social.entity.ts';
import { commentFieldsSchema, commentKeySchema, postKeySchema, postPageSchema } from './social.schema.ts';
import { type Comment, getPost } from './social.use-cases.ts';

// --- likes and comments -------------------------------------------------------------------

/** Like a post: one per person (a conditional put), so the count the projection keeps is exact. */
export const like = fn(postKeySchema, async ({ shopId, postId }, ctx): Promise<{ liked: true }> => {
  const me = Account.requireSignedIn(ctx.actor);
  await getPost(ctx.db, shopId, postId);
  try {
    await socialEntities(ctx.db)
      .Like.build(PutItemCommand)
      .item({ postId, userId: me.userId, shopId, createdAt: new Date(nowOf(ctx)).toISOString() })
      .options({ condition: { attr: 'userId', exists: false } })
      .send();
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
  return { liked: true };
});

export const unlike = fn(postKeySchema, async ({ postId }, ctx): Promise<{ liked: false }> => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!ID_PATTERN.test(postId)) throw notFound('post.not_found');
  await socialEntities(ctx.db).Like.build(DeleteItemCommand).key({ postId, userId: me.userId }).send();
  return { liked: false };
});

/** Anyone signed in comments (≤ 500 characters). */
export const comment = fn(commentFieldsSchema, async ({ shopId, postId, text }, ctx): Promise<Comment> => {
  const me = Account.requireSignedIn(ctx.actor);
  await getPost(ctx.db, shopId, postId);
  const c: Comment = {
    postId,
    id: newId(nowOf(ctx)),
    shopId,
    authorId: me.userId,
    authorName: me.name,
    text,
    createdAt: new Date(nowOf(ctx)).toISOString(),
  };
  await socialEntities(ctx.db).Comment.build(PutItemCommand).item(c).send();
  return c;
});

/** The comment's author, or a member of the shop, deletes it. */
export const deleteComment = fn(commentKeySchema, async ({ shopId, postId, commentId }, ctx): Promise<void> => {
  const me = Account.requireSignedIn(ctx.actor);
  if (!ID_PATTERN.test(commentId) || !ID_PATTERN.test(postId)) throw notFound('comment.not_found');
  const { Comment } = socialEntities(ctx.db);
  const { Item } = await Comment.build(GetItemCommand).key({ postId, id: commentId }).send();
  if (!Item || Item.shopId !== shopId) throw notFound('comment.not_found');
  const role = Item.authorId === me.userId ? undefined : await roleIn(ctx.db, me, shopId);
  if (!canDeleteComment(me, Item, role)) throw forbidden('comment.not_yours');
  await Comment.build(DeleteItemCommand).key({ postId, id: commentId }).send();
});

/** A post's comments, oldest first, one page of 20. */
export const commentsOf = fn(postPageSchema, async ({ postId, cursor }, ctx): Promise<Page<Comment>> => {
  const partition = `POST#${postId}`;
  const out = await ctx.db.table
    .build(QueryCommand)
    .entities(socialEntities(ctx.db).Comment)
    .query({ partition, range: { beginsWith: 'COMMENT#' } })
    .options({
      limit: 20,
      ...(cursor
        ? {
            exclusiveStartKey: decodeCursor(cursor, (k) => k.pk === partition && k.sk?.startsWith('COMMENT#') === true),
          }
        : {}),
    })
    .send();
  const next = encodeCursor(out.LastEvaluatedKey);
  // A comment an officer hid: only its author (who sees why) and officers still see it.
  const items = ((out.Items ?? []) as Comment[]).filter(
    (c) => !c.moderation || c.authorId === ctx.actor?.userId || seesHidden(ctx.actor, undefined),
  );
  return { items, ...(next ? { cursor: next } : {}) };
});

const reportSchema = z.extend(commentKeySchema, {
  reason: z.enum(REPORT_REASONS, 'report.reason'),
  note: optionalField(z.string().check(z.trim(), z.maxLength(500, 'report.note'))),
});

/**
 * Anyone signed in reports a comment (scam, inappropriate, false, other) with
 * an optional note: one report per person per comment (reporting again
 * changes nothing). Officers work the reports with the office's moderation
 * queue (issue 13); until then they are stored, keyed by what they are about.
 */
export const reportComment = fn(
  reportSchema,
  async ({ shopId, postId, commentId, reason, note }, ctx): Promise<void> => {
    const me = Account.requireSignedIn(ctx.actor);
    if (!ID_PATTERN.test(commentId) || !ID_PATTERN.test(postId)) throw notFound('comment.not_found');
    const { Comment, Report } = socialEntities(ctx.db);
    const { Item } = await Comment.build(GetItemCommand).key({ postId, id: commentId }).send();
    if (!Item || Item.shopId !== shopId) throw notFound('comment.not_found');
    try {
      await Report.build(PutItemCommand)
        .item({
          kind: 'comment',
          targetId: commentId,
          userId: me.userId,
          shopId,
          postId,
          reason,
          ...(note ? { note } : {}),
          createdAt: new Date(nowOf(ctx)).toISOString(),
        })
        .options({ condition: { attr: 'userId', exists: false } })
        .send();
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
  },
);
