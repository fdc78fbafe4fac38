/** The in-app inbox (and its emails). Import as `import { Notification } from '@bursa/core/notification'`. */

export * as Notification from './index.ts';
export { KINDS, type Kind } from './notification.entity.ts';
export * as messages from './notification.messages.ts';
export { email, render } from './notification.render.ts';
export * from './notification.use-cases.ts';
