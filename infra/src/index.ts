export { ApiFunction, type ApiFunctionProps } from './api-function.ts';
export {
  type AppEnvironment,
  AppFunction,
  type AppFunctionProps,
  OriginFunction,
  type OriginFunctionProps,
  UrlFunction,
  type UrlFunctionProps,
} from './app-function.ts';
export { Bursa, type BursaProps, isProductionStage } from './bursa.ts';
export { DataTable, type DataTableProps } from './data-table.ts';
export {
  EdgeFirewall,
  type EdgeFirewallProps,
  firewallWanted,
  SIGN_IN_PATHS,
  SIGN_UP_PATHS,
} from './edge-firewall.ts';
export { EventsFunction, type EventsFunctionProps } from './events-function.ts';
export { grantTableActions, type TableAction, type TableGrantOptions } from './grants.ts';
export { ImageFunction, type ImageFunctionProps } from './image-function.ts';
export { LogBucket, type LogBucketProps } from './log-bucket.ts';
export { MediaBucket, type MediaBucketProps } from './media-bucket.ts';
export { ORIGIN_HEADER, OriginSecret } from './origin-secret.ts';
export { PaymentsFunction, type PaymentsFunctionProps } from './payments-function.ts';
export { Site, type SiteProps } from './site.ts';
export { WebFunction, type WebFunctionProps } from './web-function.ts';
