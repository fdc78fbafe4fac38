import * as Order from '@bursa/core/order';
import type { Projection } from './projection.ts';

/**
 * Completed orders → the shop's sales counters (per WIB month and ISO week:
 * orders, revenue, units, revenue per way to pay, per product), counted once.
 */
export const sales: Projection = {
  name: 'sales',
  entities: ['Order'],
  async apply({ db }, change) {
    await Order.countSale(db, change.sequenceNumber, change.oldImage, change.newImage);
  },
};
