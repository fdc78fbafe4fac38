import * as Account from '@bursa/core/account';
import { createDb } from '@bursa/core/db';
import { type Ctx, loadConfig } from '@bursa/core/kernel';
import * as Search from '@bursa/core/search';
import * as Shop from '@bursa/core/shop';
import { DEMO_PASSWORD } from '../seed/demo.ts';
import type { Freshness } from './search-report.ts';

/* The search bench's freshness part (scripts/bench-search.ts), on a running local stack. */

const letters = (k: number) =>
  Array.from({ length: k }, () => 'bcdfghjklmnpqrstvwxz'[Math.floor(Math.random() * 20)]).join('');

/** A new product written through core; then a search every 50 ms until it is found (and hidden: until gone). */
export async function freshness(tries = 5): Promise<Freshness> {
  const config = loadConfig();
  const db = createDb(config);
  const anon: Ctx = { db, config, actor: undefined };
  const { user } = await Account.signIn(anon, { identifier: '0812 9000 1001', password: DEMO_PASSWORD });
  const seller: Ctx = { db, config, actor: { userId: user.id, name: user.name, roles: user.roles } };
  const { shop } = await Shop.byHandle(anon, { handle: 'dapurbuani' });
  const pollMs = 50;
  const until = async (word: string, present: boolean) => {
    const t0 = performance.now();
    while (performance.now() - t0 < 30_000) {
      const r = await Search.search(anon, { q: word, tab: 'products' });
      if (r.counts.products > 0 === present) return performance.now() - t0;
      await new Promise((res) => setTimeout(res, pollMs));
    }
    return Number.NaN;
  };
  await Search.search(anon, { q: 'kue', tab: 'all' }); // loads the indexes
  const out: Freshness = {
    tries: [],
    hidden: [],
    writeMs: [],
    pollMs,
    via: config.searchFunction ? `search function ${config.searchFunction} (local Invoke)` : 'in process',
  };
  for (let i = 0; i < tries; i++) {
    const word = `uji${letters(9)}`;
    const t0 = performance.now();
    const p = await Shop.createProduct(seller, {
      shopId: shop.id,
      title: `Kue Bench ${word}`,
      description: 'Produk uji benchmark pencarian.',
      price: 15000,
      stock: 5,
      category: 'kuliner',
    });
    out.writeMs.push(performance.now() - t0);
    out.tries.push(await until(word, true));
    await Shop.updateProduct(seller, { shopId: shop.id, id: p.id, status: 'hidden' });
    out.hidden.push(await until(word, false));
  }
  return out;
}
