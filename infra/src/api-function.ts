import type { Construct } from 'constructs';
import { UrlFunction, type UrlFunctionProps } from './app-function.ts';

export type ApiFunctionProps = Omit<UrlFunctionProps, 'bundle' | 'environment'> & {
  environment: Omit<UrlFunctionProps['environment'], 'STRIPE_SECRET_ARN'>;
};

/**
 * The Hono API (functions/src/api), served by CloudFront under /api/* but the payment
 * webhooks (PaymentsFunction). The same table and upload grants as the web function
 * (both serve the same use cases, CV uploads included); no Stripe keys.
 */
export class ApiFunction extends UrlFunction {
  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id, { ...props, bundle: 'api' });
  }
}
