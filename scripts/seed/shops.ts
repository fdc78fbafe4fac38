import * as Account from '@bursa/core/account';
import type { Db } from '@bursa/core/db';
import { type Actor, type Config, type Ctx, DomainError } from '@bursa/core/kernel';
import type * as Profile from '@bursa/core/profile';
import * as Region from '@bursa/core/region';
import * as Shop from '@bursa/core/shop';
import { DEMO_PASSWORD } from './demo.ts';
import { seedOrders } from './orders.ts';
import { inParallel } from './parallel.ts';

/**
 * Demo storefronts: graduates of the city's training programmes selling food,
 * crafts, fashion, produce, digital work and services from their kelurahan.
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

type Compact = {
  seller: [string, string];
  handle: string;
  name: string;
  category: Shop.Info['category'];
  bio: string;
  delivery: Shop.Info['delivery'];
  hours?: string;
  village: number;
  products: Row[];
};
function compact(list: Compact[]): DemoShop[] {
  return list.map((c) => ({
    seller: { name: c.seller[0], phone: c.seller[1] },
    shop: {
      handle: c.handle,
      name: c.name,
      bio: c.bio,
      category: c.category,
      whatsapp: c.seller[1],
      delivery: c.delivery,
      ...(c.hours ? { hours: c.hours } : {}),
    },
    villageIndex: c.village,
    products: c.products.map(([title, price, stock, description]) => ({
      title,
      price,
      ...(stock === undefined ? {} : { stock }),
      description,
      category: c.category,
    })),
  }));
}

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
  ...compact([
    {
      seller: ['Siti Aminah', '0812 9000 1005'],
      handle: 'keripik.siti',
      name: 'Keripik Ceker Bu Siti',
      category: 'kuliner',
      bio: 'Keripik ceker, kulit dan usus renyah tanpa pengawet. Binaan Wirausaha Baru 2025.',
      delivery: ['pickup', 'courier'],
      village: 12,
      products: [
        ['Keripik Ceker Pedas 250 g', 25_000, 30, 'Level pedas bisa pilih 1–5.'],
        ['Keripik Kulit Ayam 200 g', 28_000, 20, 'Gurih, digoreng kering.'],
        ['Keripik Usus Balado 250 g', 22_000, 25, 'Bumbu balado khas Padang.'],
        ['Paket Oleh-oleh 3 Rasa', 70_000, 10, 'Ceker, kulit dan usus dalam satu kotak.'],
        ['Sambal Bawang Botol', 30_000, undefined, 'Dibuat tiap pesanan, tahan 1 bulan.'],
      ],
    },
    {
      seller: ['Hendra Wijaya', '0812 9000 1006'],
      handle: 'servis.hendra',
      name: 'Servis AC & Elektronik Hendra',
      category: 'jasa',
      bio: 'Cuci AC, isi freon, servis kulkas dan mesin cuci. Lulusan BLK Teknik Pendingin.',
      delivery: ['local_delivery'],
      hours: 'Setiap hari 08.00–18.00',
      village: 25,
      products: [
        ['Cuci AC 1/2–1 PK', 75_000, undefined, 'Datang ke rumah, se-Kota Tangerang.'],
        ['Isi Freon R32', 200_000, undefined, 'Termasuk cek kebocoran.'],
        ['Servis Kulkas', 150_000, undefined, 'Biaya cek, suku cadang terpisah.'],
        ['Bongkar Pasang AC', 350_000, undefined, 'Pipa sampai 3 meter.'],
        ['Servis Mesin Cuci', 120_000, undefined, 'Semua merek.'],
      ],
    },
    {
      seller: ['Nur Hasanah', '0812 9000 1007'],
      handle: 'hijab.nurhasanah',
      name: 'Hijab Nur',
      category: 'fashion',
      bio: 'Hijab segi empat dan bergo jahitan sendiri. Kelompok usaha jahit Karawaci.',
      delivery: ['pickup', 'courier'],
      village: 33,
      products: [
        ['Hijab Segi Empat Voal', 45_000, 40, 'Motif bunga, 115×115 cm.'],
        ['Bergo Jersey Anak', 25_000, 35, 'Usia 3–8 tahun.'],
        ['Pashmina Ceruty', 39_000, 50, 'Panjang 180 cm.'],
        ['Mukena Katun Rayon', 165_000, 12, 'Dengan tas, motif batik.'],
        ['Ciput Rajut', 12_000, 60, 'Aneka warna.'],
      ],
    },
    {
      seller: ['Agus Salim', '0812 9000 1008'],
      handle: 'madu.agus',
      name: 'Ternak Lebah Agus',
      category: 'pertanian',
      bio: 'Madu kelulut dan madu hutan dari kebun sendiri di Cipondoh.',
      delivery: ['pickup', 'local_delivery', 'courier'],
      village: 48,
      products: [
        ['Madu Kelulut 250 ml', 95_000, 18, 'Asam manis, dipanen sendiri.'],
        ['Madu Hutan 500 ml', 120_000, 10, 'Murni tanpa campuran.'],
        ['Bibit Cabai Rawit (10 polybag)', 30_000, 25, 'Siap tanam, umur 3 minggu.'],
        ['Telur Ayam Kampung (10 butir)', 32_000, 15, 'Dari kandang sendiri.'],
        ['Pupuk Kompos 5 kg', 20_000, 30, 'Dari kotoran ternak, matang.'],
      ],
    },
    {
      seller: ['Rina Marlina', '0812 9000 1009'],
      handle: 'kuekeringrina',
      name: 'Kue Kering Rina',
      category: 'kuliner',
      bio: 'Nastar, kastengel dan putri salju. Terima pesanan hampers Natal dan Lebaran.',
      delivery: ['pickup', 'courier'],
      village: 57,
      products: [
        ['Nastar Wisman 500 g', 135_000, undefined, 'Pesan 3 hari sebelumnya.'],
        ['Kastengel Keju Edam 500 g', 145_000, undefined, 'Keju edam asli.'],
        ['Putri Salju 500 g', 110_000, 8, 'Lembut, lumer di mulut.'],
        ['Hampers Natal 3 Toples', 350_000, undefined, 'Dengan kartu ucapan.'],
        ['Brownies Panggang', 65_000, 6, 'Loyang 20×10 cm.'],
      ],
    },
    {
      seller: ['Yusuf Hidayat', '0812 9000 1010'],
      handle: 'sablon.yusuf',
      name: 'Sablon & Desain Yusuf',
      category: 'digital',
      bio: 'Desain logo, undangan digital dan sablon kaos satuan.',
      delivery: ['pickup', 'courier'],
      village: 66,
      products: [
        ['Desain Logo UMKM', 250_000, undefined, '3 pilihan desain, revisi 2 kali.'],
        ['Undangan Digital', 100_000, undefined, 'Dengan peta lokasi dan RSVP.'],
        ['Sablon Kaos Satuan', 85_000, undefined, 'Kaos cotton combed 30s.'],
        ['Stiker Label Produk (100 lembar)', 60_000, undefined, 'Vinyl tahan air.'],
        ['Banner 1×2 Meter', 75_000, undefined, 'Cetak flexi, selesai 1 hari.'],
      ],
    },
    {
      seller: ['Wati Susanti', '0812 9000 1011'],
      handle: 'rajutwati',
      name: 'Rajut Wati',
      category: 'kerajinan',
      bio: 'Tas rajut, boneka amigurumi dan gantungan kunci. Lulusan pelatihan kriya LPKS.',
      delivery: ['pickup', 'courier'],
      village: 80,
      products: [
        ['Tas Rajut Tali Kur', 150_000, 5, 'Diameter 25 cm, furing kain.'],
        ['Boneka Amigurumi', 85_000, 9, 'Benang katun susu, aman untuk bayi.'],
        ['Gantungan Kunci Rajut', 15_000, 40, 'Bentuk buah dan hewan.'],
        ['Taplak Rajut Bulat', 120_000, 4, 'Diameter 60 cm.'],
        ['Dompet Rajut Koin', 35_000, 20, 'Dengan resleting.'],
      ],
    },
    {
      seller: ['Bambang Prasetyo', '0812 9000 1012'],
      handle: 'laundry.bambang',
      name: 'Laundry Kiloan Bambang',
      category: 'jasa',
      bio: 'Cuci setrika kiloan, antar jemput gratis sekelurahan.',
      delivery: ['local_delivery'],
      hours: 'Setiap hari 07.00–21.00',
      village: 100,
      products: [
        ['Cuci Setrika per Kg', 8_000, undefined, 'Selesai 2 hari.'],
        ['Cuci Kilat 6 Jam per Kg', 15_000, undefined, 'Masuk sebelum jam 12.'],
        ['Cuci Bed Cover', 35_000, undefined, 'Ukuran king.'],
        ['Cuci Sepatu', 30_000, undefined, 'Deep clean.'],
        ['Setrika Saja per Kg', 6_000, undefined, 'Wangi pilihan.'],
      ],
    },
  ]),
];

/** More products for the first four shops (title, price, stock or made to order, description). */
type Row = [string, number, number | undefined, string];
const moreProducts: Record<string, Row[]> = {
  dapurbuani: [
    ['Bolu Pandan Kukus', 45_000, 6, 'Loyang 22 cm, tanpa pengawet.'],
    ['Nasi Uduk Komplit', 18_000, undefined, 'Pesan malam sebelumnya untuk sarapan.'],
  ],
  'anyamanbambu.dedi': [
    ['Tampah Bambu 50 cm', 35_000, 20, 'Untuk nampan tumpeng.'],
    ['Tempat Tisu Bambu', 40_000, 12, 'Anyaman rapat.'],
    ['Kotak Hantaran Bambu', 65_000, undefined, 'Bisa dicat sesuai tema.'],
  ],
  jahitmaya: [
    ['Jahit Seragam Sekolah', 120_000, undefined, 'Kemeja dan rok/celana.'],
    ['Pasang Resleting', 15_000, undefined, 'Selesai 1 jam.'],
    ['Jahit Kebaya Modern', 350_000, undefined, 'Konsultasi model gratis.'],
  ],
  'batik.cisadane': [
    ['Selendang Batik', 95_000, 10, 'Panjang 2 meter.'],
    ['Masker Batik (isi 3)', 30_000, 40, 'Tiga lapis, bisa dicuci.'],
    ['Daster Batik Cap', 85_000, 18, 'Rayon adem, all size.'],
  ],
};

/** Badges the demo sellers asked for: handle, programme, course/cohort, year, verified yet. */
const BADGES: [string, (typeof Profile.PROGRAMMES)[number], string, number, boolean][] = [
  ['dapurbuani', 'blk', 'Tata Boga BLK Kota Tangerang angkatan 2', 2024, true],
  ['jahitmaya', 'lpks', 'Menjahit LPKS Karya Mandiri', 2023, true],
  ['keripik.siti', 'wirausaha_baru', 'Wirausaha Baru Disnaker 2025', 2025, true],
  ['rajutwati', 'lpks', 'Kriya Rajut LPKS Tangerang', 2025, false],
  ['servis.hendra', 'blk', 'Teknik Pendingin BLK angkatan 1', 2024, false],
];

/** The demo group's members (name, phone). */
const GROUP_MEMBERS: [string, string][] = [
  ['Eka Rahmawati', '0812 9000 2001'],
  ['Lilis Suryani', '0812 9000 2002'],
  ['Ratna Dewi', '0812 9000 2003'],
  ['Sri Mulyani', '0812 9000 2004'],
  ['Yuli Astuti', '0812 9000 2005'],
];

/** Captions for the demo posts: 2–3 per shop, 30 in all. */
const captions = [
  'Stok baru siap hari ini! Yang mau pesan langsung chat WhatsApp ya 🙏',
  'Terima kasih untuk pesanan minggu ini. Sampai jumpa di pasar Jumat pagi.',
  'Dikerjakan sendiri, satu per satu. Mau pesanan khusus? Tanya dulu lewat WhatsApp.',
];

/** A demo "photo" drawn with sharp (no network, no fonts): a plate of shapes in the shop's colours. */
const PALETTE: Record<string, [string, string, string]> = {
  kuliner: ['#f4e1c1', '#c8742d', '#7a3e12'],
  kerajinan: ['#e8dcc2', '#a0783c', '#5b4321'],
  fashion: ['#f1d6e0', '#a33a62', '#3f2a56'],
  jasa: ['#d9e8f5', '#2f6fa3', '#1d3a57'],
  pertanian: ['#e1efd3', '#5c9a3a', '#2f5220'],
  digital: ['#e3e0f5', '#5946a6', '#27214f'],
  lainnya: ['#eeeeee', '#777777', '#333333'],
};
export async function drawPhoto(seed: string, category: string): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const rnd = () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    return (h % 1000) / 1000;
  };
  const [bg, main, dark] = PALETTE[category] ?? (PALETTE.lainnya as [string, string, string]);
  const dots = Array.from({ length: 6 }, () => {
    const r = 40 + rnd() * 70;
    return `<circle cx="${250 + rnd() * 500}" cy="${250 + rnd() * 500}" r="${r}" fill="${rnd() > 0.5 ? main : dark}" opacity="0.85"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1000" viewBox="0 0 1000 1000">
    <rect width="1000" height="1000" fill="${bg}"/>
    <rect x="0" y="700" width="1000" height="300" fill="${dark}" opacity="0.15"/>
    <circle cx="500" cy="500" r="360" fill="#ffffff" opacity="0.9"/>
    <circle cx="500" cy="500" r="300" fill="${main}" opacity="0.25"/>
    ${dots}
  </svg>`;
  // 900 px: larger than the 640 px variant, small enough to draw quickly.
  return sharp(Buffer.from(svg)).resize(900).jpeg({ quality: 82 }).toBuffer();
}

/** Puts a drawn photo through the real pipeline: the upload key, then the image function. */
export type PhotoPipeline = (ownerId: string, body: Buffer, visibility?: 'private') => Promise<string>;

/**
 * The demo market: 12 shops across the city with 5 products each, 30 posts,
 * follows, likes and comments; with `photos`, every product and post gets
 * drawn photos processed by the image function (npm start and the bench do;
 * tests that do not look at photos skip them). Idempotent: a shop whose handle
 * exists is left alone.
 */
export async function seedShops(
  db: Db,
  config: Config,
  photos?: PhotoPipeline,
  /** How many of the demo shops (all 12 by default; tests that do not look at the market take fewer). */
  shopCount = shops.length,
): Promise<{ shops: number; products: number; posts: number; orders: number }> {
  if (config.homeRegency !== '36.71') return { shops: 0, products: 0, posts: 0, orders: 0 };
  const as = (actor: Actor | undefined): Ctx => ({ db, config, actor });
  const regency = await Region.get(db, config.homeRegency);
  const villages = regency.districts.flatMap((d) => d.villages.map((v) => ({ district: d.code, village: v.code })));
  let created = 0;
  let products = 0;
  let posts = 0;
  type Made = { shop: Shop.Info; seller: Actor; products: Shop.Product[]; posts: Shop.Post[] };
  const results = await inParallel(shops.slice(0, shopCount), 4, async (d, i): Promise<Made | undefined> => {
    const seller = await ensureSeller(as(undefined), d.seller.name, d.seller.phone);
    try {
      await Shop.byHandle(as(seller), { handle: d.shop.handle });
      return undefined; // seeded before
    } catch (e) {
      if (!(e instanceof DomainError && e.kind === 'not_found')) throw e;
    }
    const place = villages[d.villageIndex % villages.length] as { district: string; village: string };
    let shop = await Shop.open(as(seller), { ...d.shop, districtCode: place.district, villageCode: place.village });
    created++;
    if (photos) {
      const avatar = await photos(seller.userId, await drawPhoto(`${d.shop.handle}-avatar`, d.shop.category));
      shop = await Shop.setAvatar(as(seller), { shopId: shop.id, imageId: avatar });
    }
    const list: Shop.Product[] = [];
    const rows = [
      ...d.products,
      ...(moreProducts[d.shop.handle] ?? []).map(([title, price, stock, description]) => ({
        title,
        price,
        ...(stock === undefined ? {} : { stock }),
        description,
        category: d.shop.category,
      })),
    ];
    for (const p of rows) {
      let product = await Shop.createProduct(as(seller), {
        shopId: shop.id,
        ...p,
        ...(p.stock === undefined ? { madeToOrder: true } : {}),
      });
      if (photos) {
        const imageId = await photos(seller.userId, await drawPhoto(product.title, product.category));
        product = await Shop.changeProductPhotos(as(seller), { shopId: shop.id, id: product.id, imageId });
      }
      list.push(product);
      products++;
    }
    // 30 posts: three for the first six shops, two for the other six.
    const shopPosts: Shop.Post[] = [];
    if (photos) {
      for (let k = 0; k < (i < 6 ? 3 : 2); k++) {
        const tagged = list[k % list.length] as Shop.Product;
        const imageId = await photos(seller.userId, await drawPhoto(`${d.shop.handle}-post-${k}`, d.shop.category));
        shopPosts.push(
          await Shop.createPost(as(seller), {
            shopId: shop.id,
            caption: `${tagged.title}. ${captions[k % captions.length]}`,
            photos: imageId,
            tags: tagged.id,
          }),
        );
        posts++;
      }
    }
    return { shop, seller, products: list, posts: shopPosts };
  });
  const made = results.filter((m): m is Made => Boolean(m));
  // Programme-graduate badges: three verified, two waiting in the officers' queue.
  const officerId = await Account.findUserId(db, { kind: 'email', value: 'petugas@disnaker.tangerangkota.go.id' });
  const officer: Actor | undefined = officerId ? { userId: officerId, name: 'Petugas', roles: ['officer'] } : undefined;
  for (const [handle, programme, cohort, year, verify] of BADGES) {
    const m = made.find((x) => x.shop.handle === handle);
    if (!m) continue;
    await Shop.requestBadge(as(m.seller), { shopId: m.shop.id, programme, cohort, year });
    if (verify && officer) await Shop.decideBadge(as(officer), { shopId: m.shop.id, decision: 'verify' });
  }
  // One kelompok usaha: Hijab Nur's tailoring group, with five members who joined by invitation.
  const group = made.find((m) => m.shop.handle === 'hijab.nurhasanah');
  if (group) {
    await Shop.makeGroup(as(group.seller), { shopId: group.shop.id });
    await inParallel(GROUP_MEMBERS, 3, async ([name, phone]) => {
      const member = await ensureSeller(as(undefined), name, phone);
      await Shop.invite(as(group.seller), { shopId: group.shop.id, phone });
      await Shop.acceptInvite(as(member), { shopId: group.shop.id });
    });
  }
  // Sellers follow a few other shops, and the demo job seeker follows four (their /beranda has a feed).
  const andi = await ensureSeller(as(undefined), 'Andi Pratama', '0812 3456 7890').catch(() => undefined);
  await inParallel(made, 4, async (m, i) => {
    const fans = [1, 2, 3, 5].map((k) => made[(i + k) % made.length]?.seller).filter((a): a is Actor => Boolean(a));
    if (andi && i % 3 === 0) fans.push(andi);
    for (const fan of fans) {
      if (fan.userId === m.seller.userId) continue;
      await Shop.follow(as(fan), { shopId: m.shop.id });
      for (const post of m.posts) {
        await Shop.like(as(fan), { shopId: m.shop.id, postId: post.id });
      }
    }
    const first = m.posts[0];
    const commenter = fans[0];
    if (first && commenter) {
      await Shop.comment(as(commenter), {
        shopId: m.shop.id,
        postId: first.id,
        text: 'Mantap! Bisa kirim ke Cipondoh?',
      });
      await Shop.comment(as(m.seller), {
        shopId: m.shop.id,
        postId: first.id,
        text: 'Bisa kak, ongkir menyesuaikan ya 🙏',
      });
    }
  });
  const orders = await seedOrders(db, config, made, { andi, officer, photos });
  return { shops: created, products, posts, orders };
}

async function ensureSeller(ctx: Ctx, name: string, phone: string): Promise<Actor> {
  const id = Account.parseIdentifier(phone);
  if (!id) throw new Error(`Bad demo phone ${phone}`);
  let userId = await Account.findUserId(ctx.db, id);
  if (!userId) userId = (await Account.register(ctx, { name, phone, password: DEMO_PASSWORD })).user.id;
  const user = await Account.getUser(ctx.db, userId);
  return { userId, name: user.name, roles: user.roles };
}
