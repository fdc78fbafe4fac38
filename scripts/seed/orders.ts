import type { Db } from '@bursa/core/db';
import type { Actor, Config, Ctx } from '@bursa/core/kernel';
import * as Order from '@bursa/core/order';
import * as Shop from '@bursa/core/shop';
import sharp from 'sharp';
import { drawPhoto, type PhotoPipeline } from './shops.ts';

type Made = { shop: Shop.Info; seller: Actor; products: Shop.Product[] };
type Plan = {
  payment: Order.PaymentMethod;
  /** Steps after placing, in order: the seller's (or the buyer's) actions. */
  steps: ('confirm' | 'send' | 'complete' | 'cancel' | 'pay' | 'expire')[];
  daysAgo: number;
  review?: [stars: number, text: string, reply?: string];
};

/** Every state and way to pay, spread over the last five weeks so the sales pages have weeks to show. */
const PLANS: Plan[] = [
  {
    payment: 'cod',
    steps: ['confirm', 'send', 'complete'],
    daysAgo: 33,
    review: [5, 'Enak dan masih hangat. Langganan!', 'Terima kasih, Kak!'],
  },
  {
    payment: 'card',
    steps: ['pay', 'send', 'complete'],
    daysAgo: 24,
    review: [4, 'Barang sesuai foto, pengiriman cepat.'],
  },
  {
    payment: 'whatsapp',
    steps: ['confirm', 'send', 'complete'],
    daysAgo: 16,
    review: [5, 'Penjualnya ramah, dibalas cepat di WA.', 'Sama-sama, ditunggu pesanan berikutnya 🙏'],
  },
  { payment: 'cod', steps: ['confirm', 'send', 'complete'], daysAgo: 9 },
  {
    payment: 'whatsapp',
    steps: ['confirm', 'send', 'complete'],
    daysAgo: 1,
    review: [5, 'Pas untuk arisan, semua suka.'],
  },
  { payment: 'card', steps: ['pay', 'send'], daysAgo: 3 },
  { payment: 'cod', steps: ['confirm'], daysAgo: 2 },
  { payment: 'whatsapp', steps: ['cancel'], daysAgo: 4 },
  { payment: 'transfer', steps: ['expire'], daysAgo: 3 },
  { payment: 'whatsapp', steps: [], daysAgo: 0 },
  { payment: 'transfer', steps: [], daysAgo: 0 },
];

/**
 * Demo orders: each demo shop takes WhatsApp, COD, transfer (a bank account)
 * and card orders; ten orders per shop in every state, placed by the other
 * sellers and by the demo job seeker (Andi), with reviews and replies, a paid
 * card balance and one recorded payout. Transfer proofs need a photo, so the
 * demo's transfer orders wait for payment or expire. Everything goes through
 * the order use cases with the clock moved back; card payments are fulfilled
 * as the webhook does (the Stripe stand-in is not up while seeding).
 */
export async function seedOrders(
  db: Db,
  config: Config,
  made: Made[],
  { andi, officer, photos }: { andi: Actor | undefined; officer: Actor | undefined; photos: PhotoPipeline | undefined },
) {
  const at = (actor: Actor | undefined, ms: number): Ctx => ({ db, config, actor, now: () => ms });
  let count = 0;
  for (const [i, m] of made.entries()) {
    await Order.setPaymentSettings(at(m.seller, Date.now() - 40 * 86_400_000), {
      shopId: m.shop.id,
      methods: ['whatsapp', 'cod', 'transfer', 'card'],
      bankName: ['BRI', 'BCA', 'Mandiri', 'Bank Banten'][i % 4] as string,
      accountNumber: `0${String(1_234_567_890 + i * 7_777).padStart(12, '0')}`,
      accountName: m.seller.name,
    });
    const buyers = [andi, ...[1, 2, 3].map((k) => made[(i + k) % made.length]?.seller)].filter(
      (b): b is Actor => Boolean(b) && b?.userId !== m.seller.userId,
    );
    for (const [k, plan] of PLANS.entries()) {
      if (plan.payment === 'card' && !config.stripe) continue;
      const buyer = buyers[k % buyers.length];
      const product = m.products[(i + k) % m.products.length];
      if (!buyer || !product) continue;
      const delivery = m.shop.delivery[k % m.shop.delivery.length] ?? 'pickup';
      let t = Date.now() - plan.daysAgo * 86_400_000 - (k + 1) * 3_600_000;
      const next = () => {
        t += 3 * 3_600_000;
        return t;
      };
      // The product planned, or the next one when the demo's earlier orders sold it out.
      const place = (productId: string) =>
        Order.placeOrder(at(buyer, t), {
          shopId: m.shop.id,
          lines: [{ productId, qty: 1 + (k % 3) }],
          buyerName: buyer.name,
          buyerPhone: buyer === andi ? '0812 3456 7890' : `0812 9000 ${String(1001 + ((i + k) % 12)).padStart(4, '0')}`,
          delivery,
          ...(delivery === 'local_delivery'
            ? { address: `Jl. Melati No. ${k + 3}, RT 02/RW 05`, villageCode: m.shop.villageCode }
            : delivery === 'courier'
              ? { address: `Jl. Kenanga No. ${k + 7}, Tangerang` }
              : {}),
          ...(k % 4 === 0 ? { note: 'Tolong dibungkus rapi, untuk hadiah.' } : {}),
          payment: plan.payment,
        });
      let order: Order.Info | undefined;
      for (let n = 0; !order && n < m.products.length; n++) {
        const candidate = m.products[(i + k + n) % m.products.length] as Shop.Product;
        order = await place(candidate.id).catch((e) => {
          if (e?.code === 'order.sold_out') return undefined;
          throw e;
        });
      }
      if (!order) continue;
      count++;
      for (const step of plan.steps) {
        const code = order.code;
        if (step === 'pay') await Order.fulfil(at(undefined, next()), await Order.getOrder(db, code));
        else if (step === 'expire') await Order.expireDue(at(undefined, t + 25 * 3_600_000));
        else if (step === 'cancel')
          await Order.advance(at(buyer, next()), {
            code,
            action: 'cancel',
            reason: 'Salah pilih ukuran, mau pesan ulang.',
          });
        else await Order.advance(at(m.seller, next()), { code, action: step === 'send' ? 'ship' : step });
      }
      if (plan.review) {
        const [stars, text, reply] = plan.review;
        // The first review of each shop comes with a photo of what arrived.
        const photo =
          photos && k === 0
            ? await photos(buyer.userId, await drawPhoto(`${order.items[0]?.title}-ulasan`, product.category))
            : undefined;
        await Order.reviewOrder(at(buyer, next()), { code: order.code, stars, text, ...(photo ? { photo } : {}) });
        if (reply) await Order.replyToReview(at(m.seller, next()), { code: order.code, text: reply });
      }
    }
  }
  // Transfers with proof at the first shop: one waiting for the seller, and one whose
  // screenshot was already sent for another order (the seller sees it flagged).
  const shop0 = made[0];
  if (photos && shop0 && andi) {
    const other = made[1]?.seller;
    // A product that still has two units (the orders above took some), or one made to order.
    const fresh = await Promise.all(
      shop0.products.map((p) => Shop.getProduct(at(undefined, Date.now()), shop0.shop.id, p.id)),
    );
    const item = fresh.find((p) => p.status === 'active' && (p.madeToOrder || (p.stock ?? 0) >= 2)) as Shop.Product;
    const screenshot = await receipt(item.price);
    const place = async (who: Actor, hoursAgo: number) => {
      const t = Date.now() - hoursAgo * 3_600_000;
      const order = await Order.placeOrder(at(who, t), {
        shopId: shop0.shop.id,
        lines: [{ productId: item.id, qty: 1 }],
        buyerName: who.name,
        buyerPhone: who === andi ? '0812 3456 7890' : '0812 9000 1002',
        delivery: 'pickup',
        payment: 'transfer',
      });
      const imageId = await photos(who.userId, screenshot, 'private');
      await Order.attachProof(at(who, t + 600_000), { code: order.code, imageId });
      count++;
    };
    await place(andi, 5);
    if (other) await place(other, 2);
  }
  // The office paid the first shop part of its card sales out.
  const first = made[0];
  if (officer && first && config.stripe) {
    const balance = await Order.balanceOf(db, first.shop.id);
    if (balance && balance.owed > 0)
      await Order.recordPayout(at(officer, Date.now() - 86_400_000), {
        shopId: first.shop.id,
        amount: Math.floor(balance.owed / 2),
        reference: 'TRF/DISNAKER/2026/0142',
      });
  }
  return count;
}

/** A phone screenshot of a bank transfer receipt, drawn here (no network): the same picture each call. */
async function receipt(amount: number): Promise<Buffer> {
  const rp = `Rp${amount.toLocaleString('id-ID')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="1280"><rect width="720" height="1280" fill="#f4f6f8"/><rect x="40" y="160" width="640" height="760" rx="24" fill="#fff"/><circle cx="360" cy="300" r="70" fill="#1f9d55"/><text x="360" y="470" font-family="sans-serif" font-size="44" text-anchor="middle" fill="#111">Transfer Berhasil</text><text x="360" y="560" font-family="sans-serif" font-size="56" font-weight="700" text-anchor="middle" fill="#111">${rp}</text><text x="360" y="660" font-family="sans-serif" font-size="30" text-anchor="middle" fill="#555">BRI 0012 3456 7890</text><text x="360" y="720" font-family="sans-serif" font-size="30" text-anchor="middle" fill="#555">02 Des 2026 09.14 WIB</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}
