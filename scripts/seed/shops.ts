import { Account } from '@bursa/core/account';
import type { Db } from '@bursa/core/db';
import { type Actor, type Config, type Ctx, DomainError } from '@bursa/core/kernel';
import { Region } from '@bursa/core/region';
import { Shop } from '@bursa/core/shop';
import { DEMO_PASSWORD } from './demo.ts';

/**
 * Demo storefronts: graduates of the city's training programmes selling food,
 * crafts, fashion and services from their kelurahan, each with a few
 * products. Photos, posts, follows and the market pages come with the rest of
 * the marketplace. Idempotent: a handle that exists is left alone.
 */
type DemoProduct = {
  title: string;
  description: string;
  price: number;
  stock?: number;
  category: Shop.Info['category'];
};
type DemoShop = {
  seller: { name: string; phone: string };
  shop: Omit<Shop.ShopFields, 'districtCode' | 'villageCode'> & { category: Shop.Info['category'] };
  villageIndex: number;
  products: DemoProduct[];
};

export const DEMO_SELLER = '0812 9000 1001';

const shops: DemoShop[] = [
  {
    seller: { name: 'Ani Suryani', phone: DEMO_SELLER },
    shop: {
      handle: 'dapurbuani',
      name: 'Dapur Bu Ani',
      bio: 'Kue basah dan nasi kotak rumahan, lulusan pelatihan Tata Boga BLK Kota Tangerang.',
      category: 'kuliner',
      whatsapp: DEMO_SELLER,
      delivery: ['pickup', 'local_delivery'],
      hours: 'Senin–Sabtu 06.00–15.00',
    },
    villageIndex: 5,
    products: [
      {
        title: 'Kue Lapis Legit 20×20',
        description: 'Lapis legit wisman, tahan 7 hari di suhu ruang.',
        price: 185_000,
        stock: 4,
        category: 'kuliner',
      },
      {
        title: 'Nasi Kotak Ayam Bakar',
        description: 'Minimal pesan 20 kotak, pesan H-1.',
        price: 28_000,
        category: 'kuliner',
      },
      {
        title: 'Risoles Mayo (isi 10)',
        description: 'Risoles isi smoked beef dan telur, digoreng segar.',
        price: 35_000,
        stock: 12,
        category: 'kuliner',
      },
    ],
  },
  {
    seller: { name: 'Dedi Kurniawan', phone: '0812 9000 1002' },
    shop: {
      handle: 'anyamanbambu.dedi',
      name: 'Anyaman Bambu Dedi',
      bio: 'Keranjang, tampah dan kap lampu bambu buatan tangan. Kelompok pengrajin Neglasari.',
      category: 'kerajinan',
      whatsapp: '0812 9000 1002',
      delivery: ['pickup', 'courier'],
    },
    villageIndex: 40,
    products: [
      {
        title: 'Kap Lampu Bambu',
        description: 'Diameter 35 cm, dipernis anti jamur.',
        price: 120_000,
        stock: 6,
        category: 'kerajinan',
      },
      {
        title: 'Keranjang Parsel Besar',
        description: 'Untuk parsel Lebaran, bisa pesan warna.',
        price: 45_000,
        category: 'kerajinan',
      },
    ],
  },
  {
    seller: { name: 'Maya Lestari', phone: '0812 9000 1003' },
    shop: {
      handle: 'jahitmaya',
      name: 'Jahit Maya',
      bio: 'Permak, jahit seragam dan gamis. Lulusan pelatihan Menjahit LPKS.',
      category: 'jasa',
      whatsapp: '0812 9000 1003',
      delivery: ['pickup', 'local_delivery'],
      hours: 'Setiap hari 09.00–20.00',
    },
    villageIndex: 70,
    products: [
      {
        title: 'Jahit Gamis (bahan dari pelanggan)',
        description: 'Selesai 5 hari kerja.',
        price: 150_000,
        category: 'jasa',
      },
      {
        title: 'Permak Celana',
        description: 'Potong dan kecilkan, selesai hari itu juga.',
        price: 20_000,
        category: 'jasa',
      },
    ],
  },
  {
    seller: { name: 'Rizky Maulana', phone: '0812 9000 1004' },
    shop: {
      handle: 'batik.cisadane',
      name: 'Batik Cisadane',
      bio: 'Batik cap motif Sungai Cisadane dan Masjid Raya Al-Azhom.',
      category: 'fashion',
      whatsapp: '0812 9000 1004',
      delivery: ['courier'],
    },
    villageIndex: 90,
    products: [
      {
        title: 'Kemeja Batik Cap Lengan Pendek',
        description: 'Katun primisima, ukuran M–XXL.',
        price: 175_000,
        stock: 15,
        category: 'fashion',
      },
      {
        title: 'Kain Batik 2 Meter',
        description: 'Motif Cisadane, pewarna alami.',
        price: 210_000,
        stock: 8,
        category: 'fashion',
      },
    ],
  },
];

export async function seedShops(db: Db, config: Config): Promise<{ shops: number; products: number }> {
  if (config.homeRegency !== '36.71') return { shops: 0, products: 0 };
  const as = (actor: Actor | undefined): Ctx => ({ db, config, actor });
  const regency = await Region.get(db, config.homeRegency);
  const villages = regency.districts.flatMap((d) => d.villages.map((v) => ({ district: d.code, village: v.code })));
  let created = 0;
  let products = 0;
  for (const d of shops) {
    const seller = await ensureSeller(as(undefined), d.seller.name, d.seller.phone);
    try {
      await Shop.byHandle(as(seller), { handle: d.shop.handle });
      continue; // seeded before
    } catch (e) {
      if (!(e instanceof DomainError && e.kind === 'not_found')) throw e;
    }
    const place = villages[d.villageIndex % villages.length] as { district: string; village: string };
    const shop = await Shop.open(as(seller), { ...d.shop, districtCode: place.district, villageCode: place.village });
    created++;
    for (const p of d.products) {
      await Shop.createProduct(as(seller), {
        shopId: shop.id,
        ...p,
        ...(p.stock === undefined ? { madeToOrder: true } : {}),
      });
      products++;
    }
  }
  return { shops: created, products };
}

async function ensureSeller(ctx: Ctx, name: string, phone: string): Promise<Actor> {
  const id = Account.parseIdentifier(phone);
  if (!id) throw new Error(`Bad demo phone ${phone}`);
  let userId = await Account.findUserId(ctx.db, id);
  if (!userId) userId = (await Account.register(ctx, { name, phone, password: DEMO_PASSWORD })).user.id;
  const user = await Account.getUser(ctx.db, userId);
  return { userId, name: user.name, roles: user.roles };
}
