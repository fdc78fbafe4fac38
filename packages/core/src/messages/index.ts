/**
 * Every text core can show a person, gathered from each concept's messages
 * file and keyed by the codes errors and validation issues carry. Adapters
 * (the API, the web) call `translate` with the reader's language; core itself
 * never picks a language. Import as `import * as Messages from '@bursa/core/messages'`.
 */
import * as account from '../account/account.messages.ts';
import * as application from '../application/application.messages.ts';
import * as audit from '../audit/audit.messages.ts';
import * as company from '../company/company.messages.ts';
import * as fair from '../fair/fair.messages.ts';
import type { FieldIssue, MessageParams } from '../kernel/errors.ts';
import type { Locale } from '../kernel/format.ts';
import * as kernel from '../kernel/messages.ts';
import * as limit from '../limit/limit.messages.ts';
import * as media from '../media/media.messages.ts';
import * as moderation from '../moderation/moderation.messages.ts';
import * as notification from '../notification/notification.messages.ts';
import * as order from '../order/order.messages.ts';
import * as outcome from '../outcome/outcome.messages.ts';
import * as profile from '../profile/profile.messages.ts';
import * as programme from '../programme/programme.messages.ts';
import * as region from '../region/region.messages.ts';
import * as search from '../search/search.messages.ts';
import * as shop from '../shop/shop.messages.ts';
import * as vacancy from '../vacancy/vacancy.messages.ts';

export const catalog = {
  id: {
    ...kernel.id,
    ...account.id,
    ...application.id,
    ...audit.id,
    ...company.id,
    ...fair.id,
    ...limit.id,
    ...media.id,
    ...moderation.id,
    ...notification.id,
    ...order.id,
    ...outcome.id,
    ...profile.id,
    ...programme.id,
    ...region.id,
    ...search.id,
    ...shop.id,
    ...vacancy.id,
  },
  en: {
    ...kernel.en,
    ...account.en,
    ...application.en,
    ...audit.en,
    ...company.en,
    ...fair.en,
    ...limit.en,
    ...media.en,
    ...moderation.en,
    ...notification.en,
    ...order.en,
    ...outcome.en,
    ...profile.en,
    ...programme.en,
    ...region.en,
    ...search.en,
    ...shop.en,
    ...vacancy.en,
  },
} satisfies Record<Locale, Record<string, string>>;

export type MessageKey = keyof typeof catalog.id;

export const isMessageKey = (code: string): code is MessageKey => Object.hasOwn(catalog.id, code);

/**
 * The text for a code in a language, with `{param}` placeholders filled. An
 * unknown code (a bug the messages test exists to prevent) falls back to the
 * generic "invalid" text rather than showing a code to a person.
 */
export function translate(code: string, locale: Locale = 'id', params?: MessageParams): string {
  const texts: Record<string, string> = catalog[locale];
  const text = texts[code] ?? texts['request.field.invalid'] ?? code;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
}

/** A field issue's text. */
export const issueText = (issue: FieldIssue, locale: Locale = 'id') => translate(issue.code, locale, issue.params);
