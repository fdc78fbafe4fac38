import type { Db } from '../db/client.ts';
import type { Actor } from './actor.ts';
import type { Config } from './config.ts';

/**
 * The one context every use case takes, built once per request by the API and
 * by the web (and once per batch by the stream consumer, with no actor).
 */
export type Ctx = {
  db: Db;
  config: Config;
  actor: Actor | undefined;
  /** The network the request came from (`networkOf` the viewer address), for abuse limits; absent for the stream consumer and scripts. */
  client?: string;
  /** The clock (epoch ms); tests move it to see what a later day looks like. */
  now?: () => number;
};

export const nowOf = (ctx: Pick<Ctx, 'now'>) => (ctx.now ? ctx.now() : Date.now());
