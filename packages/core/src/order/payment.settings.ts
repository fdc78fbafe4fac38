import { $add, $remove, $set, UpdateItemCommand } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { nowOf } from '../kernel/ctx.ts';
import { conflict, forbidden } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import * as z from '../kernel/zod.ts';
import * as Media from '../media/index.ts';
import { shopEntities } from '../shop/shop.entity.ts';
import { capabilities } from '../shop/shop.policy.ts';
import { get as getShop, roleIn } from '../shop/shop.use-cases.ts';
import { paymentSettingsSchema } from './order.schema.ts';

/**
 * The owner chooses how buyers may pay: WhatsApp, COD, transfer (to the bank
 * account and/or the static QRIS image shown to buyers) and card (only where
 * the deployment has configured a card provider).
 */
export const setPaymentSettings = fn(paymentSettingsSchema, async (s, ctx): Promise<void> => {
  const me = Account.requireSignedIn(ctx.actor);
  const [shop, role] = await Promise.all([getShop(ctx.db, s.shopId), roleIn(ctx.db, me, s.shopId)]);
  if (!capabilities(shop, { actor: me, role }).edit) throw forbidden('shop.not_owner');
  if (s.qris && s.qris !== shop.qris) await Media.requireReady(ctx, me.userId, [s.qris]);
  const methods = [...new Set(s.methods)].filter((m) => m !== 'card' || Boolean(ctx.config.stripe));
  try {
    await shopEntities(ctx.db)
      .Shop.build(UpdateItemCommand)
      .item({
        id: shop.id,
        payments: $set(methods),
        bank:
          s.bankName && s.accountNumber && s.accountName
            ? $set({ name: s.bankName, number: s.accountNumber.replace(/[\s-]/g, ''), holder: s.accountName })
            : $remove(),
        qris: s.qris ?? $remove(),
        updatedAt: new Date(nowOf(ctx)).toISOString(),
        version: shop.version + 1,
      } as never)
      .options({ condition: { attr: 'version', eq: shop.version } })
      .send();
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('shop.changed');
    throw e;
  }
});

/** The owner puts the shop's static QRIS code (a public photo they uploaded) next to its bank account. */
export const setQris = fn(z.object({ shopId: z.string(), imageId: z.string() }), async ({ shopId, imageId }, ctx) => {
  const me = Account.requireSignedIn(ctx.actor);
  const [shop, role] = await Promise.all([getShop(ctx.db, shopId), roleIn(ctx.db, me, shopId)]);
  if (!capabilities(shop, { actor: me, role }).edit) throw forbidden('shop.not_owner');
  await Media.requireReady(ctx, me.userId, [imageId]);
  await shopEntities(ctx.db)
    .Shop.build(UpdateItemCommand)
    .item({ id: shopId, qris: imageId, updatedAt: new Date(nowOf(ctx)).toISOString(), version: $add(1) } as never)
    .send();
});
