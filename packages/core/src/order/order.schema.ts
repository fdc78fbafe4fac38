import * as z from 'zod';
import { phoneSchema } from '../account/account.identifiers.ts';
import { optionalField, whenValid } from '../kernel/validation.ts';
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
  z.string().regex(CODE_PATTERN, 'order.not_found'),
);

const qty = z.coerce
  .number('order.qty.invalid')
  .int('order.qty.invalid')
  .min(1, 'order.qty.invalid')
  .max(MAX_QTY, 'order.qty.invalid');
const id = z.string().regex(/^[0-9a-z]{20}$/, 'product.not_found');

export const lineSchema = z.object({ productId: id, qty });
export const cartChangeSchema = z.object({
  shopId: z.string(),
  productId: id,
  /** Added to what is in the cart (`add`), or the new quantity (`set`; 0 removes the line). */
  qty: z.coerce
    .number('order.qty.invalid')
    .int('order.qty.invalid')
    .min(0, 'order.qty.invalid')
    .max(MAX_QTY, 'order.qty.invalid'),
  mode: z.enum(['add', 'set']).default('add'),
});

/** Checkout: who receives it, how, how they pay. Lines come from the cart, or one product ("Beli sekarang"). */
export const placeOrderSchema = z
  .object({
    shopId: z.string(),
    lines: z.array(lineSchema).min(1, 'order.empty').max(MAX_LINES, 'order.too_many_lines'),
    buyerName: z.string('order.name.length').trim().min(2, 'order.name.length').max(80, 'order.name.length'),
    buyerPhone: phoneSchema,
    delivery: z.enum(DELIVERY, 'order.delivery.invalid'),
    address: optionalField(z.string().trim().max(300, 'order.address.max')),
    villageCode: optionalField(z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'order.village.required')),
    note: optionalField(z.string().trim().max(500, 'order.note.max')),
    payment: z.enum(PAYMENT_METHODS, 'order.payment.invalid'),
    /** Placed from the cart: the cart is emptied in the same transaction. */
    fromCart: z.boolean().default(false),
  })
  // Also when other fields are wrong, so the checkout shows every mistake at once.
  .superRefine(
    (o, ctx) => {
      if (o.delivery !== 'pickup' && !o.address)
        ctx.addIssue({ code: 'custom', path: ['address'], message: 'order.address.required' });
      if (o.delivery === 'local_delivery' && !o.villageCode)
        ctx.addIssue({ code: 'custom', path: ['villageCode'], message: 'order.village.required' });
    },
    whenValid('delivery', 'address', 'villageCode'),
  );
export type PlaceOrderInput = z.input<typeof placeOrderSchema>;

export const orderCodeSchema = z.object({ code: codeSchema });
export const advanceSchema = z.object({
  code: codeSchema,
  action: z.enum(['confirm', 'reject_proof', 'ship', 'ready', 'complete', 'cancel']),
  reason: optionalField(z.string().trim().max(300, 'order.reason.max')),
  /** The status the person saw: a stale page is a 409, not a surprise. */
  from: optionalField(z.string()),
});
export const proofSchema = z.object({ code: codeSchema, imageId: id });
export const listSchema = z.object({
  cursor: optionalField(z.string().max(400)),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const shopListSchema = listSchema.extend({ shopId: z.string() });

export const paymentSettingsSchema = z
  .object({
    shopId: z.string(),
    methods: z.array(z.enum(PAYMENT_METHODS, 'order.payment.invalid')).min(1, 'shop.payments.required'),
    bankName: optionalField(z.string().trim().max(40, 'shop.bank.max')),
    accountNumber: optionalField(
      z
        .string()
        .trim()
        .regex(/^[0-9 -]{5,30}$/, 'shop.bank.account'),
    ),
    accountName: optionalField(z.string().trim().max(60, 'shop.bank.max')),
    qris: optionalField(id),
  })
  .superRefine(
    (s, ctx) => {
      const bank = Boolean(s.bankName && s.accountNumber && s.accountName);
      if (s.methods.includes('transfer') && !bank && !s.qris)
        ctx.addIssue({ code: 'custom', path: ['accountNumber'], message: 'shop.bank.required' });
      if ((s.bankName || s.accountNumber || s.accountName) && !bank)
        ctx.addIssue({ code: 'custom', path: ['accountNumber'], message: 'shop.bank.incomplete' });
    },
    whenValid('methods', 'bankName', 'accountNumber', 'accountName', 'qris'),
  );

export const reviewSchema = z.object({
  code: codeSchema,
  stars: z.coerce.number('review.stars').int('review.stars').min(1, 'review.stars').max(5, 'review.stars'),
  text: z.string().trim().max(1000, 'review.text.max').default(''),
  photo: optionalField(id),
});
export const replySchema = z.object({
  code: codeSchema,
  text: z.string().trim().min(1, 'review.reply.length').max(1000, 'review.reply.length'),
});
export const payoutSchema = z.object({
  shopId: z.string(),
  amount: z.coerce.number('payout.amount').int('payout.amount').min(1, 'payout.amount'),
  reference: z.string().trim().min(3, 'payout.reference').max(100, 'payout.reference'),
});
