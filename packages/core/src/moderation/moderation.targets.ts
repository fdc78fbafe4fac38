import * as Company from '../company/index.ts';
import type { Db } from '../db/client.ts';
import type { Ctx } from '../kernel/ctx.ts';
import { notFound } from '../kernel/errors.ts';
import * as Shop from '../shop/index.ts';
import * as Vacancy from '../vacancy/index.ts';
import type { ReportKind } from './moderation.entity.ts';
import type { TargetRef } from './moderation.schema.ts';

/**
 * The things people report, each read through its own concept's public face:
 * what it is called, its page, whose it is, and whether it is already hidden.
 */
export type Target = {
  kind: ReportKind;
  id: string;
  targetName: string;
  link: string;
  shopId?: string;
  postId?: string;
  companyId?: string;
  authorId?: string;
  hidden: boolean;
};

export type Hidden = { hiddenAt: string; reason: string; by: string };

/** Hidden content answers this to whoever may not see it: a 404 that says why (consistent across pages and the API). */
export const unavailable = () => notFound('moderation.unavailable');

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

/** The target as the reporter sees it: 404 when it does not exist or they may not see it. */
export async function resolve(ctx: Ctx, ref: TargetRef): Promise<Target> {
  const { kind, id } = ref;
  if (kind === 'vacancy') {
    const { vacancy } = await Vacancy.view(ctx, { id });
    return {
      kind,
      id,
      targetName: vacancy.title,
      link: `/lowongan/${id}`,
      companyId: vacancy.companyId,
      hidden: Vacancy.Moderation.isHidden(vacancy),
    };
  }
  if (kind === 'company') {
    const company = await Company.get(ctx.db, id);
    return {
      kind,
      id,
      targetName: company.name,
      link: `/perusahaan/${id}`,
      companyId: id,
      hidden: Boolean(company.moderation),
    };
  }
  const shop = await Shop.get(ctx.db, kind === 'shop' ? id : (ref.shopId ?? ''));
  if (kind === 'shop')
    return { kind, id, targetName: shop.name, link: `/@${shop.handle}`, shopId: id, hidden: Boolean(shop.moderation) };
  if (kind === 'product') {
    const product = await Shop.getProduct(ctx, shop.id, id);
    if (product.status === 'hidden') throw notFound('product.not_found');
    return {
      kind,
      id,
      targetName: product.title,
      link: Shop.productPath(shop.handle, product),
      shopId: shop.id,
      hidden: Shop.Moderation.isHidden(shop, product),
    };
  }
  if (kind === 'post') {
    const post = await Shop.getPost(ctx.db, shop.id, id);
    return {
      kind,
      id,
      targetName: short(post.caption) || shop.name,
      link: `/@${shop.handle}/posting/${id}`,
      shopId: shop.id,
      authorId: post.authorId,
      hidden: Shop.Moderation.isHidden(shop, post),
    };
  }
  const postId = ref.postId ?? '';
  const [post, comment] = await Promise.all([
    Shop.getPost(ctx.db, shop.id, postId),
    Shop.Moderation.getComment(ctx.db, shop.id, postId, id),
  ]);
  return {
    kind,
    id,
    targetName: short(comment.text),
    link: `/@${shop.handle}/posting/${postId}`,
    shopId: shop.id,
    postId,
    authorId: comment.authorId,
    hidden: Shop.Moderation.isHidden(shop, post, comment),
  };
}

/** The hide (or restore, `undefined`) of the target as a transaction item, through its concept. */
export function moderate(
  db: Db,
  c: { kind: ReportKind; targetId: string; shopId?: string; postId?: string },
  hidden: Hidden | undefined,
) {
  const id = c.targetId;
  switch (c.kind) {
    case 'vacancy':
      return Vacancy.Moderation.moderate(db, id, hidden);
    case 'company':
      return Company.Moderation.moderate(db, id, hidden);
    case 'shop':
      return Shop.Moderation.moderateShop(db, id, hidden);
    case 'product':
      return Shop.Moderation.moderateProduct(db, c.shopId ?? '', id, hidden);
    case 'post':
      return Shop.Moderation.moderatePost(db, c.shopId ?? '', id, hidden);
    case 'comment':
      return Shop.Moderation.moderateComment(db, c.postId ?? '', id, hidden);
  }
}
