import * as Shop from '@bursa/core/shop';
import { entityOf, type Projection } from './projection.ts';

/**
 * Products and shops → the market's lists (`/pasar`): newest products overall,
 * by category and by kecamatan, and the shop directory the same ways. A shop's
 * rename or move refreshes its products' cards. Idempotent: items are put
 * whole or deleted, so a replay writes the same thing again.
 */
export const marketListing: Projection = {
  name: 'market-listing',
  entities: ['Product', 'Shop'],
  async apply({ db }, change) {
    if (entityOf(change) === 'Shop') {
      await Shop.projectShop(db, change.oldImage as Shop.Info | undefined, change.newImage as Shop.Info | undefined);
      return;
    }
    const shopId = String((change.newImage ?? change.oldImage)?.shopId ?? '');
    const shop = await Shop.get(db, shopId).catch(() => undefined);
    await Shop.projectProduct(db, change.oldImage, change.newImage, shop);
  },
};
