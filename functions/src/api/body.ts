import { DomainError } from '@bursa/core';
import type { Context } from 'hono';

/** The request's JSON body; unreadable JSON is the client's mistake (400), not a server error. */
export async function readJsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new DomainError('validation', 'request.malformed', 'Permintaan tidak dapat dibaca. Kirim JSON yang valid.');
  }
}
