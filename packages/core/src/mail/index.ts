/** Sending email: SES in AWS, a local outbox folder in development and tests. Import as `import { Mail } from '@bursa/core/mail'`. */
export * as Mail from './index.ts';
export * from './mail.ts';
