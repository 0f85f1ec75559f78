import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor.ts';
import type { AuthService } from './auth.usecases.ts';

/** Resolves the admin API token on a request to an Actor (401 when missing or unknown). */
export function adminActor(auth: Pick<AuthService, 'authenticate'>) {
  return (req: FastifyRequest): Promise<Actor> => auth.authenticate(req.headers.authorization);
}
