import { phoneSchema } from '../account/account.identifiers.ts';
import { optionalField, whenValid } from '../kernel/validation.ts';
import * as z from '../kernel/zod.ts';
import { DELIVERY } from '../shop/shop.entity.ts';
import { MAX_LINES, MAX_QTY, PAYMENT_METHODS } from './order.entity.ts';

export const CODE_PATTERN = /^BRS-[2-9A-HJ-NP-Z]{5}$/;
/** A code as people type it: `brs 7k2m9`, `7K2M9` → `BRS-7K2M9`. */
export const codeSchema = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? `BRS-${v
          .trim()
          .toUpperCase()
          .replace(/^BRS[\s-]*/, '')}`
      : v,
  z.string().check(z.regex(CODE_PATTERN, 'order.not_found')),
);

const qty = z.coerce
  .number('order.qty.invalid')
  .check(
    z.multipleOf(1, 'order.qty.invalid'),
    z.minimum(1, 'order.qty.invalid'),
    z.maximum(MAX_QTY, 'order.qty.invalid'),
  );
const id = z.string().check(z.regex(/^[0-9a-z]{20}$/, 'product.not_found'));

export const lineSchema = z.object({ productId: id, qty });
export const cartChangeSchema = z.object({
  shopId: z.string(),
  productId: id,
  /** Added to what is in the cart (`add`), or the new quantity (`set`; 0 removes the line). */
  qty: z.coerce
    .number('order.qty.invalid')
    .check(
      z.multipleOf(1, 'order.qty.invalid'),
      z.minimum(0, 'order.qty.invalid'),
      z.maximum(MAX_QTY, 'order.qty.invalid'),
    ),
  mode: z._default(z.enum(['add', 'set']), 'add'),
});

/** Checkout: who receives it, how, how they pay. Lines come from the cart, or one product ("Beli sekarang"). */
export const placeOrderSchema = z
  .object({
    shopId: z.string(),
    lines: z.array(lineSchema).check(z.minLength(1, 'order.empty'), z.maxLength(MAX_LINES, 'order.too_many_lines')),
    buyerName: z
      .string('order.name.length')
      .check(z.trim(), z.minLength(2, 'order.name.length'), z.maxLength(80, 'order.name.length')),
    buyerPhone: phoneSchema,
    delivery: z.enum(DELIVERY, 'order.delivery.invalid'),
    address: optionalField(z.string().check(z.trim(), z.maxLength(300, 'order.address.max'))),
    villageCode: optionalField(z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'order.village.required'))),
    note: optionalField(z.string().check(z.trim(), z.maxLength(500, 'order.note.max'))),
    payment: z.enum(PAYMENT_METHODS, 'order.payment.invalid'),
    /** Placed from the cart: the cart is emptied in the same transaction. */
    fromCart: z._default(z.boolean(), false),
  })
  // Also when other fields are wrong, so the checkout shows every mistake at once.
  .check(
    z.superRefine(
      (o, ctx) => {
        if (o.delivery !== 'pickup' && !o.address)
          ctx.addIssue({ code: 'custom', path: ['address'], message: 'order.address.required' });
        if (o.delivery === 'local_delivery' && !o.villageCode)
          ctx.addIssue({ code: 'custom', path: ['villageCode'], message: 'order.village.required' });
      },
      whenValid('delivery', 'address', 'villageCode'),
    ),
  );
export type PlaceOrderInput = z.input<typeof placeOrderSchema>;

export const orderCodeSchema = z.object({ code: codeSchema });
export const advanceSchema = z.object({
  code: codeSchema,
  action: z.enum(['confirm', 'reject_proof', 'ship', 'ready', 'complete', 'cancel']),
  reason: optionalField(z.string().check(z.trim(), z.maxLength(300, 'order.reason.max'))),
  /** The status the person saw: a stale page is a 409, not a surprise. */
  from: optionalField(z.string()),
});
export const proofSchema = z.object({ code: codeSchema, imageId: id });
export const listSchema = z.object({
  cursor: optionalField(z.string().check(z.maxLength(400))),
  limit: z._default(z.coerce.number().check(z.multipleOf(1), z.minimum(1), z.maximum(50)), 20),
});
export const shopListSchema = z.extend(listSchema, { shopId: z.string() });

export const paymentSettingsSchema = z
  .object({
    shopId: z.string(),
    methods: z.array(z.enum(PAYMENT_METHODS, 'order.payment.invalid')).check(z.minLength(1, 'shop.payments.required')),
    bankName: optionalField(z.string().check(z.trim(), z.maxLength(40, 'shop.bank.max'))),
    accountNumber: optionalField(z.string().check(z.trim(), z.regex(/^[0-9 -]{5,30}$/, 'shop.bank.account'))),
    accountName: optionalField(z.string().check(z.trim(), z.maxLength(60, 'shop.bank.max'))),
    qris: optionalField(id),
  })
  .check(
    z.superRefine(
      (s, ctx) => {
        const bank = Boolean(s.bankName && s.accountNumber && s.accountName);
        if (s.methods.includes('transfer') && !bank && !s.qris)
          ctx.addIssue({ code: 'custom', path: ['accountNumber'], message: 'shop.bank.required' });
        if ((s.bankName || s.accountNumber || s.accountName) && !bank)
          ctx.addIssue({ code: 'custom', path: ['accountNumber'], message: 'shop.bank.incomplete' });
      },
      whenValid('methods', 'bankName', 'accountNumber', 'accountName', 'qris'),
    ),
  );

export const reviewSchema = z.object({
  code: codeSchema,
  stars: z.coerce
    .number('review.stars')
    .check(z.multipleOf(1, 'review.stars'), z.minimum(1, 'review.stars'), z.maximum(5, 'review.stars')),
  text: z._default(z.string().check(z.trim(), z.maxLength(1000, 'review.text.max')), ''),
  photo: optionalField(id),
});
export const replySchema = z.object({
  code: codeSchema,
  text: z.string().check(z.trim(), z.minLength(1, 'review.reply.length'), z.maxLength(1000, 'review.reply.length')),
});
export const payoutSchema = z.object({
  shopId: z.string(),
  amount: z.coerce.number('payout.amount').check(z.multipleOf(1, 'payout.amount'), z.minimum(1, 'payout.amount')),
  reference: z.string().check(z.trim(), z.minLength(3, 'payout.reference'), z.maxLength(100, 'payout.reference')),
});
