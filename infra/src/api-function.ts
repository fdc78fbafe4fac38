import type { Construct } from 'constructs';
import { UrlFunction, type UrlFunctionProps } from './app-function.ts';

export type ApiFunctionProps = Omit<UrlFunctionProps, 'bundle'>;

/**
 * The Hono API (functions/src/api), served by CloudFront under /api/*. The same
 * grants as the web function (both serve the same use cases, CV uploads included).
 */
export class ApiFunction extends UrlFunction {
  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id, { ...props, bundle: 'api' });
  }
}
