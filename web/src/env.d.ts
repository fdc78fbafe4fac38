/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The page's language: 'en' under /en, 'id' everywhere else (set by middleware). */
    locale: import('@bursa/core/kernel').Locale;
    /** The request path without the /en prefix: the page's address in Bahasa Indonesia. */
    path: string;
    /** The signed-in person's session, if any. */
    session: import('@bursa/core/account').Session | undefined;
    /** Who is asking: undefined for an anonymous visitor. */
    actor: import('@bursa/core/kernel').Actor | undefined;
    /** The context every use case takes: db, config and actor. */
    ctx: import('@bursa/core/kernel').Ctx;
  }
}
