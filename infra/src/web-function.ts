import type { Construct } from 'constructs';
import { UrlFunction, type UrlFunctionProps } from './app-function.ts';

export type WebFunctionProps = Omit<UrlFunctionProps, 'bundle'>;

/** The Astro SSR app (web/), CloudFront's default origin. Pages read and write through core directly. */
export class WebFunction extends UrlFunction {
  constructor(scope: Construct, id: string, props: WebFunctionProps) {
    super(scope, id, { ...props, bundle: 'web' });
  }
}
