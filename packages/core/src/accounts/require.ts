import { DomainError } from '../kernel/errors.ts';
import type { Actor } from './roles.ts';

/** Throws 401 auth.required for anonymous visitors. */
export function requireSignedIn(actor: Actor | undefined): Actor {
  if (!actor) throw new DomainError('unauthenticated', 'auth.required', 'Silakan masuk terlebih dahulu.');
  return actor;
}
