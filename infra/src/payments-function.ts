import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { grantStripeSecret, OriginFunction, type OriginFunctionProps } from './app-function.ts';
import { grantTableActions } from './grants.ts';

export type PaymentsFunctionProps = Omit<OriginFunctionProps, 'bundle'> & { table: dynamodb.ITableV2 };

/**
 * Payment providers' webhooks (functions/src/payments): CloudFront sends
 * @bursa/http's PAYMENT_WEBHOOKS_PATH here, every other /api path to the API.
 * It verifies Stripe's signature with the Stripe keys and settles the order
 * (core's Order.handleWebhook): the table actions that takes, no media.
 */
export class PaymentsFunction extends OriginFunction {
  constructor(scope: Construct, id: string, props: PaymentsFunctionProps) {
    super(scope, id, { ...props, bundle: 'payments' });
    grantStripeSecret(this.function, props.environment.STRIPE_SECRET_ARN);
    grantTableActions(this.function, props.table, ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
  }
}
