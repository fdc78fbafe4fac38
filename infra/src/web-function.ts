import type { Construct } from 'constructs';
import { grantStripeSecret, UrlFunction, type UrlFunctionProps } from './app-function.ts';

export type WebFunctionProps = Omit<UrlFunctionProps, 'bundle'>;

/**
 * The Astro SSR app (web/), CloudFront's default origin. Pages read and write through core directly;
 * a card payment's page opens its Stripe Checkout session, so it reads the Stripe keys where configured.
 */
export class WebFunction extends UrlFunction {
  constructor(scope: Construct, id: string, props: WebFunctionProps) {
    super(scope, id, { ...props, bundle: 'web' });
    grantStripeSecret(this.function, props.environment.STRIPE_SECRET_ARN);
  }
}
