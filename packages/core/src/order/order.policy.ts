import { isOfficer } from '../account/index.ts';
import type { Actor } from '../kernel/actor.ts';
import type { OrderStatus, PaymentMethod } from './order.entity.ts';

/** Who is asking, relative to one order: `role` is their role in the order's shop (a member of a group shop sells too). */
export type OrderViewer = { actor: Actor | undefined; role: 'owner' | 'member' | undefined };

type OrderLike = { buyerId: string; status: OrderStatus; payment: PaymentMethod; reviewKey?: string };

const OPEN: readonly OrderStatus[] = ['awaiting_payment', 'awaiting_confirmation'];
const ACCEPTED: readonly OrderStatus[] = ['paid', 'confirmed'];
const ON_THE_WAY: readonly OrderStatus[] = ['shipped', 'ready'];

/**
 * The only place that decides what someone may do with an order. The buyer,
 * the shop's members and officers see it (the buyer's phone and the transfer
 * proof included); nobody else learns it exists. The lifecycle only moves
 * forward: each action names the statuses it starts from.
 */
export function orderCapabilities(order: OrderLike, who: OrderViewer) {
  const buyer = Boolean(who.actor) && who.actor?.userId === order.buyerId;
  const seller = Boolean(who.actor) && Boolean(who.role);
  const officer = isOfficer(who.actor);
  const s = order.status;
  return {
    view: buyer || seller || officer,
    seeProof: buyer || seller || officer,
    pay: buyer && s === 'awaiting_payment' && order.payment === 'card',
    uploadProof: buyer && s === 'awaiting_payment' && order.payment === 'transfer',
    /** Buyers cancel until the seller has accepted the order. */
    cancelAsBuyer: buyer && OPEN.includes(s),
    /** WhatsApp and COD orders, and a transfer whose proof arrived: the seller accepts (transfer: the money is in). */
    confirm: seller && s === 'awaiting_confirmation',
    rejectProof: seller && s === 'awaiting_confirmation' && order.payment === 'transfer',
    send: seller && ACCEPTED.includes(s),
    complete: seller && (ON_THE_WAY.includes(s) || ACCEPTED.includes(s)),
    /** Sellers cancel until the goods are on their way (a paid card order is refunded). */
    cancelAsSeller: seller && (OPEN.includes(s) || ACCEPTED.includes(s)),
    review: buyer && s === 'completed' && !order.reviewKey,
    reply: seller && Boolean(order.reviewKey),
  };
}
export type OrderCapabilities = ReturnType<typeof orderCapabilities>;

/** Officers keep the card-payment settlement ledger and record payouts. */
export const canSettle = (actor: Actor | undefined) => isOfficer(actor);
