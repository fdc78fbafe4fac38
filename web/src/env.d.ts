/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The page's language: 'en' under /en, 'id' everywhere else (set by middleware). */
    locale: import('@bursa/core').Locale;
    /** The request path without the /en prefix: the page's address in Bahasa Indonesia. */
    path: string;
    /** The signed-in person's session, if any. */
    session: import('@bursa/core').Session | undefined;
    /** Who is asking: undefined for an anonymous visitor. */
    actor: import('@bursa/core').Actor | undefined;
  }
}
