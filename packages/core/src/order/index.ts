/** Orders and payments: carts, checkout, the order lifecycle, card payments, settlement, reviews, sales. Import as `import * as Order from '@bursa/core/order'`. */

export * from './cart.ts';
export * from './order.entity.ts';
export * from './order.lifecycle.ts';
export * from './order.lists.ts';
export * as messages from './order.messages.ts';
export { canSettle, type OrderCapabilities, type OrderViewer, orderCapabilities } from './order.policy.ts';
export { CODE_PATTERN, codeSchema, type PlaceOrderInput } from './order.schema.ts';
export * from './order.steps.ts';
export * from './order.use-cases.ts';
export { InvalidWebhook, type PaymentProvider, type ProviderEvent } from './payment.port.ts';
export { providerFor } from './payment.provider.ts';
export * from './payment.settings.ts';
export { toMinor, WEBHOOK_TOLERANCE_S } from './payment.stripe.ts';
export * from './payments.ts';
export * from './review.ts';
export * from './sales.ts';
export * from './settlement.ts';
