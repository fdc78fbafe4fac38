/** The in-app inbox (and its emails). Import as `import * as Notification from '@bursa/core/notification'`. */

export { KINDS, type Kind } from './notification.entity.ts';
export * as messages from './notification.messages.ts';
export { email, render } from './notification.render.ts';
export * from './notification.use-cases.ts';
