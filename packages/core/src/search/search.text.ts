import { stemmer } from '@orama/stemmers/indonesian';

/**
 * How Indonesian text becomes index terms, and a query word the terms it may
 * match (docs/search.md, "Words"). Three layers, each forgiving what the one
 * before cannot:
 *   1. the raw word (lower case, accents and punctuation off), always indexed,
 *      so a stemmer mistake can never hide an exact match, and the only form
 *      typos (fuzzy) and typing (prefix) are matched against;
 *   2. its root: the Indonesian Snowball stemmer (melamar → lamar, penjahit →
 *      jahit) corrected by a project dictionary where it is wrong
 *      (perawat → awat, kemeja → meja, pengemudi → emudi);
 *   3. a synonym group (supir / sopir / driver / pengemudi): a term of its own,
 *      `~<group>`, so any member finds the others.
 */

/** Roots the stemmer gets wrong, and words that must not be stemmed at all (mapped to themselves). */
const ROOTS: Record<string, string> = {
  // pe-/me-/ke- words the stemmer strips to a wrong root
  pengemudi: 'kemudi',
  mengemudi: 'kemudi',
  mengemudikan: 'kemudi',
  kemudi: 'kemudi',
  perawat: 'rawat',
  merawat: 'rawat',
  perawatan: 'perawatan',
  kerajinan: 'kerajinan',
  pengajar: 'pengajar',
  rawat: 'rawat',
  memasak: 'masak',
  masakan: 'masak',
  masak: 'masak',
  pemasak: 'masak',
  pemrograman: 'program',
  pemrogram: 'program',
  programmer: 'program',
  berpengalaman: 'pengalaman',
  pengalaman: 'pengalaman',
  pemasaran: 'pemasaran',
  penempatan: 'tempat',
  perempuan: 'perempuan',
  pekerja: 'kerja',
  pekerjaan: 'kerja',
  bekerja: 'kerja',
  kerja: 'kerja',
  pelanggan: 'pelanggan',
  penginapan: 'inap',
  pengiriman: 'kirim',
  pengantar: 'antar',
  pengasuh: 'asuh',
  pembersih: 'bersih',
  kebersihan: 'bersih',
  pemotong: 'potong',
  pertanian: 'tani',
  petani: 'tani',
  perikanan: 'ikan',
  peternakan: 'ternak',
  // roots that start like an affix: never stem them
  keripik: 'keripik',
  kripik: 'keripik',
  kemeja: 'kemeja',
  kebaya: 'kebaya',
  kerudung: 'kerudung',
  kelapa: 'kelapa',
  kecap: 'kecap',
  kerupuk: 'kerupuk',
  keramik: 'keramik',
  kemasan: 'kemas',
  keset: 'keset',
  kereta: 'kereta',
  keju: 'keju',
  kentang: 'kentang',
  kencur: 'kencur',
  kedelai: 'kedelai',
  kelepon: 'klepon',
  klepon: 'klepon',
  ketan: 'ketan',
  ketupat: 'ketupat',
  kecantikan: 'cantik',
  pepes: 'pepes',
  peyek: 'peyek',
  rempeyek: 'peyek',
  pempek: 'pempek',
  petai: 'petai',
  pete: 'petai',
  pecel: 'pecel',
  peci: 'peci',
  perak: 'perak',
  permen: 'permen',
  perabot: 'perabot',
  pelangi: 'pelangi',
  penyet: 'penyet',
  bebek: 'bebek',
  beras: 'beras',
  besi: 'besi',
  bensin: 'bensin',
  betawi: 'betawi',
  bengkel: 'bengkel',
  telur: 'telur',
  telor: 'telur',
  tempe: 'tempe',
  terasi: 'terasi',
  tekstil: 'tekstil',
  teknisi: 'teknisi',
  teknik: 'teknik',
  terapis: 'terapis',
  selai: 'selai',
  sepatu: 'sepatu',
  sepeda: 'sepeda',
  setrika: 'setrika',
  menu: 'menu',
  meja: 'meja',
  mebel: 'mebel',
  medis: 'medis',
  mekanik: 'mekanik',
  merchandiser: 'merchandiser',
  dimsum: 'dimsum',
  diesel: 'diesel',
  digital: 'digital',
  desain: 'desain',
  desainer: 'desain',
  lapis: 'lapis',
  kasir: 'kasir',
  kurir: 'kurir',
  sopir: 'sopir',
  supir: 'sopir',
  online: 'online',
  operator: 'operator',
  tukang: 'tukang',
  // the stemmer keeps -i/-kan/-an words whole that are roots already
  laundry: 'laundry',
};

/**
 * Everyday variants and synonyms, each group one line; the first word names
 * the group. A word of a group (or its root) finds every other member.
 */
const SYNONYM_GROUPS: string[][] = [
  ['sopir', 'supir', 'driver', 'pengemudi', 'kemudi', 'drivers'],
  ['ojek', 'ojol', 'gojek', 'grab', 'maxim'],
  ['kue', 'cake', 'kueh', 'roti', 'bolu', 'cookies', 'kukis'],
  ['admin', 'administrasi', 'administrator', 'tu'],
  ['jahit', 'penjahit', 'tailor', 'sewing', 'konveksi', 'garmen', 'garment'],
  ['masak', 'koki', 'chef', 'cook', 'juru masak'],
  ['pelayan', 'waiter', 'waitress', 'pramusaji'],
  ['kasir', 'cashier'],
  ['satpam', 'security', 'sekuriti', 'keamanan'],
  ['gudang', 'warehouse', 'logistik', 'inventory'],
  ['montir', 'mekanik', 'mechanic', 'teknisi', 'technician'],
  ['kurir', 'courier', 'delivery', 'pengantar', 'ekspedisi'],
  ['guru', 'pengajar', 'teacher', 'tutor'],
  ['perawat', 'rawat', 'nurse', 'suster'],
  ['akuntan', 'accountant', 'akuntansi', 'accounting', 'finance', 'keuangan'],
  ['penjual', 'sales', 'penjualan', 'marketing', 'pemasaran', 'spg', 'spb'],
  ['resepsionis', 'receptionist', 'front office', 'frontdesk'],
  ['bersih', 'cleaning', 'cleaner', 'pembersih', 'kebersihan', 'housekeeping', 'ob', 'office boy'],
  ['asuh', 'pengasuh', 'babysitter', 'nanny', 'baby sitter'],
  ['program', 'programmer', 'developer', 'pemrogram', 'coding', 'software'],
  ['desain', 'desainer', 'design', 'designer', 'grafis'],
  ['baju', 'pakaian', 'busana', 'fashion', 'kaos', 'kaus', 'shirt', 'tshirt'],
  ['sepatu', 'shoes', 'sandal'],
  ['tas', 'bag', 'dompet'],
  ['kopi', 'coffee', 'kopi susu'],
  ['ayam', 'chicken'],
  ['sambal', 'sambel', 'sambalado', 'chili'],
  ['cabai', 'cabe', 'cabé'],
  ['keripik', 'kripik', 'chips', 'kerupuk', 'krupuk'],
  ['telur', 'telor', 'egg'],
  ['kerajinan', 'craft', 'handmade', 'prakarya'],
  ['cuci', 'laundry', 'binatu', 'setrika'],
  ['bangunan', 'konstruksi', 'construction', 'tukang bangunan', 'kuli'],
  ['pabrik', 'produksi', 'factory', 'manufaktur', 'operator'],
  ['online', 'daring'],
  ['minuman', 'drink', 'es', 'jus', 'juice'],
  ['makanan', 'food', 'kuliner', 'snack', 'camilan', 'cemilan'],
  ['batik', 'tenun', 'songket'],
  ['kecantikan', 'cantik', 'salon', 'beauty', 'rias', 'makeup'],
  ['magang', 'pemagangan', 'internship', 'intern', 'apprentice'],
  ['paruh', 'part', 'parttime', 'freelance', 'lepas'],
];

/** Words that say nothing in any collection: never indexed, dropped from queries. */
const STOPWORDS = new Set(
  'di ke dari dan yang untuk dengan atau pada ini itu juga akan ada the a an in of for and to at is on with by'.split(
    ' ',
  ),
);

/** Words that only name the collection being searched: dropped from a query when other words remain. */
export const COLLECTION_WORDS = {
  vacancies: new Set(
    'lowongan loker kerja pekerjaan lamaran lamar melamar dicari butuh dibutuhkan cari job jobs vacancy vacancies hiring kerjaan'.split(
      ' ',
    ),
  ),
  products: new Set('jual beli jualan murah produk harga product buy sell pesan order'.split(' ')),
  shops: new Set('toko usaha umkm shop store seller penjual'.split(' ')),
} as const;

const groupOf = new Map<string, string>();
for (const group of SYNONYM_GROUPS) for (const word of group) groupOf.set(normalize(word), `~${group[0]}`);

/** Lower case, accents off (é → e), anything but letters and digits a space. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words of a text, normalized; stopwords and single letters out (single digits stay). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const w of normalize(text).split(' ')) if (w && (w.length > 1 || /\d/.test(w)) && !STOPWORDS.has(w)) out.push(w);
  return out;
}

/** The root of a word: the dictionary first, else the stemmer (only for letters, at least 4 of them). */
export function rootOf(word: string): string {
  const known = ROOTS[word];
  if (known) return known;
  if (word.length < 4 || /[^a-z]/.test(word)) return word;
  return stemmer(word);
}

/** The synonym group term of a word or of its root, if it belongs to one. */
export function synonymOf(word: string): string | undefined {
  return groupOf.get(word) ?? groupOf.get(rootOf(word));
}

/** Every term indexed for one word: itself, its root, its synonym group. */
export function indexTerms(word: string): string[] {
  const terms = [word];
  const root = rootOf(word);
  if (root !== word) terms.push(root);
  const group = synonymOf(word);
  if (group) terms.push(group);
  return terms;
}

/** Multi-word synonyms ("juru masak", "office boy") as one token, so they join their group. */
const PHRASES = SYNONYM_GROUPS.flat()
  .filter((w) => w.includes(' '))
  .map((w) => normalize(w));

/** A text's tokens for the index: its words, plus any multi-word synonym it contains. */
export function tokenize(text: string): string[] {
  const ws = words(text);
  if (ws.length < 2) return ws;
  const joined = ` ${ws.join(' ')} `;
  for (const p of PHRASES) if (joined.includes(` ${p} `)) ws.push(p);
  return ws;
}

/** How a query word may match, strongest first: as typed (typos and prefix allowed), its root, its group. */
export type Alternatives = { word: string; root?: string; group?: string };

export function alternatives(word: string): Alternatives {
  const root = rootOf(word);
  const group = groupOf.get(word) ?? groupOf.get(root);
  return { word, ...(root !== word ? { root } : {}), ...(group ? { group } : {}) };
}

/**
 * A query's words, with the words that only name the collection dropped when
 * anything else remains ("lowongan jahit" → jahit; "lowongan" alone stays).
 */
export function queryWords(q: string, collection: keyof typeof COLLECTION_WORDS): string[] {
  const all = tokenize(q);
  const meaningful = all.filter((w) => !COLLECTION_WORDS[collection].has(w));
  return meaningful.length > 0 ? meaningful : all;
}
