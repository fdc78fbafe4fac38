import type { Locale } from '../kernel/format.ts';
import { translate } from '../messages/index.ts';
import type { Kind } from './notification.entity.ts';

/**
 * A notification's sentence in the reader's language, from the facts stored
 * with it. Stage and reason codes are translated too ("Diterima", "Posisi
 * sudah terisi"); a rejection gets its own, kinder sentence.
 */
export function render(n: { kind: Kind; params: Record<string, string> }, locale: Locale): string {
  const params = { ...n.params };
  if (params.stage) params.stage = translate(`application.stage.${params.stage}`, locale);
  if (params.reason && n.kind === 'stage_changed')
    params.reason = translate(`application.reason.${params.reason}`, locale);
  if (n.kind === 'order_status' && params.status) params.status = translate(`order.status.${params.status}`, locale);
  if (n.kind === 'content_hidden' && params.what) params.what = translate(`moderation.kind.${params.what}`, locale);
  const key =
    n.kind === 'stage_changed' && n.params.stage === 'rejected'
      ? 'notification.stage_changed.rejected'
      : n.kind === 'order_status' && n.params.reason
        ? 'notification.order_status.reason'
        : `notification.${n.kind}`;
  return translate(key, locale, params);
}

/** The email for a notification: subject is the sentence, the body adds the link. */
export function email(
  n: { kind: Kind; params: Record<string, string>; link: string },
  locale: Locale,
  siteUrl: string,
  to: string,
) {
  const sentence = render(n, locale);
  const link = `${siteUrl}${locale === 'en' ? '/en' : ''}${n.link}`;
  return {
    to,
    subject: sentence.length > 120 ? `${sentence.slice(0, 117)}…` : sentence,
    text: `${sentence}\n\n${translate('notification.email.open', locale)} ${link}\n\n${translate('notification.email.footer', locale)}\n`,
  };
}
