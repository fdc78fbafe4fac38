import { DomainError } from '@bursa/core/kernel';
import type { Context } from 'hono';

const malformed = () => new DomainError('validation', 'request.malformed');

/** The request's JSON body; unreadable JSON is the client's mistake (400), not a server error. */
export async function readJsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw malformed();
  }
}

/** Like readJsonBody, but an empty body is allowed and reads as undefined (for actions whose fields are all optional). */
export async function readOptionalJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw malformed();
  }
}
