import { $remove, $set, PutTransaction, QueryCommand } from 'dynamodb-toolbox';
import * as Account from '../account/index.ts';
import { nowOf } from '../kernel/ctx.ts';
import { conflict, DomainError, forbidden, ValidationError } from '../kernel/errors.ts';
import { fn } from '../kernel/fn.ts';
import * as z from '../kernel/zod.ts';
import * as Media from '../media/index.ts';
import { type OrderStatus, orderEntities, PAY_WITHIN_MS } from './order.entity.ts';
import { cancelOrder } from './order.expiry.ts';
import { advanceSchema, codeSchema, proofSchema } from './order.schema.ts';
import { sendSteps, stepTransaction } from './order.steps.ts';
import { expiryKeys, getOrder, type Info as Order, viewOrder } from './order.use-cases.ts';

export { cancelOrder, expireDue } from './order.expiry.ts';

/**
 * The seller moves an order forward (confirm, reject a transfer proof, send,
 * ready for pickup, complete) or either side cancels it, with a reason. Every
 * move is conditional on the status the order had when read, so two people
 * acting at once cannot both win, and nothing moves backwards.
 */
export const advance = fn(advanceSchema, async ({ code, action, reason, from }, ctx): Promise<Order> => {
  const me = Account.requireSignedIn(ctx.actor);
  const { order, can } = await viewOrder(ctx, { code });
  if (from && from !== order.status) throw conflict('order.changed');
  const at = new Date(nowOf(ctx)).toISOString();
  const step = { at, by: me.userId, ...(reason ? { reason } : {}) };
  const needReason = () => {
    if (!reason) throw new ValidationError([{ path: 'reason', code: 'order.reason.required' }]);
  };
  switch (action) {
    case 'confirm': {
      if (!can.confirm) throw forbidden('order.not_allowed');
      const to: OrderStatus = order.payment === 'transfer' ? 'paid' : 'confirmed';
      await sendSteps(stepTransaction(ctx.db, order, to, step, to === 'paid' ? { paidAt: at } : {}));
      break;
    }
    case 'reject_proof': {
      if (!can.rejectProof) throw forbidden('order.not_allowed');
      needReason();
      // Back to waiting for money, with a fresh day to send a real proof.
      const expiresAt = new Date(nowOf(ctx) + PAY_WITHIN_MS).toISOString();
      await sendSteps(
        stepTransaction(ctx.db, order, 'proof_rejected', step, {
          proof: $remove(),
          expiresAt,
          ...expiryKeys(order.code, expiresAt),
        }),
      );
      break;
    }
    case 'ship':
    case 'ready': {
      if (!can.send) throw forbidden('order.not_allowed');
      // Picked up from the shop: "ready"; delivered: "sent".
      const to: OrderStatus = order.delivery === 'pickup' ? 'ready' : 'shipped';
      await sendSteps(stepTransaction(ctx.db, order, to, step));
      break;
    }
    case 'complete': {
      if (!can.complete) throw forbidden('order.not_allowed');
      await sendSteps(stepTransaction(ctx.db, order, 'completed', step));
      break;
    }
    case 'cancel': {
      if (!can.cancelAsBuyer && !can.cancelAsSeller) throw forbidden('order.not_allowed');
      needReason();
      await cancelOrder(ctx, order, 'cancelled', me.userId, reason);
      break;
    }
  }
  return getOrder(ctx.db, code);
});

/**
 * The buyer of a transfer order sends the proof: a private photo they
 * uploaded (processed, theirs). The same picture on another order (its hash)
 * is flagged to the seller on this order; the order then waits for the
 * seller to check the money arrived.
 */
export const attachProof = fn(proofSchema, async ({ code, imageId }, ctx): Promise<Order> => {
  const me = Account.requireSignedIn(ctx.actor);
  const { order, can } = await viewOrder(ctx, { code });
  if (!can.uploadProof) throw forbidden('order.not_allowed');
  const [image] = await Media.requireReady(ctx, me.userId, [imageId], { visibility: 'private' });
  if (!image?.hash) throw new DomainError('validation', 'media.image.missing');
  const { ProofUse } = orderEntities(ctx.db);
  const { Items = [] } = await ctx.db.table
    .build(QueryCommand)
    .entities(ProofUse)
    .query({ partition: `PROOF#${image.hash}` })
    .options({ limit: 10 })
    .send();
  const reusedOn = Items.map((u) => u.code).filter((c) => c !== code);
  const at = new Date(nowOf(ctx)).toISOString();
  await sendSteps(
    stepTransaction(
      ctx.db,
      order,
      'awaiting_confirmation',
      { at, by: me.userId },
      { proof: $set({ imageId, hash: image.hash, at, ...(reusedOn.length ? { reusedOn } : {}) }) },
    ),
    ProofUse.build(PutTransaction).item({ hash: image.hash, code, shopId: order.shopId, at }),
  );
  return getOrder(ctx.db, code);
});

/** The form the buyer posts the proof photo with: private (never under /media), then back to `redirectUrl`. */
export const proofUploadForm = fn(
  z.object({ code: codeSchema, redirectUrl: z.url() }),
  async ({ code, redirectUrl }, ctx): Promise<Media.ImageUploadForm | undefined> => {
    const me = Account.requireSignedIn(ctx.actor);
    const { can } = await viewOrder(ctx, { code });
    if (!can.uploadProof) return undefined;
    return Media.presignImageUpload(ctx.config, { userId: me.userId, redirectUrl, visibility: 'private' });
  },
);

/** A short-lived link to an order's proof photo, for whom the policy lets see it. */
export const proofUrl = fn(z.pick(proofSchema, { code: true }), async ({ code }, ctx): Promise<string | undefined> => {
  const { order, can } = await viewOrder(ctx, { code });
  if (!can.seeProof) throw forbidden('order.not_allowed');
  return order.proof ? Media.privateImageUrl(ctx.config, order.proof.imageId) : undefined;
});
