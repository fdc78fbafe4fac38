import type { Config } from '../kernel/config.ts';
import type { PaymentProvider } from './payment.port.ts';
import { stripeProvider } from './payment.stripe.ts';

const cache = new WeakMap<Config, PaymentProvider | undefined>();

/**
 * The deployment's card provider, or undefined when card payments are off (no
 * keys configured). Another gateway (Midtrans, Xendit) is one more branch
 * here; orders only know the PaymentProvider port.
 */
export function providerFor(config: Config): PaymentProvider | undefined {
  if (!cache.has(config)) cache.set(config, config.stripe ? stripeProvider(config.stripe) : undefined);
  return cache.get(config);
}
