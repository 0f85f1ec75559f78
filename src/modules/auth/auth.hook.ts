import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from './actor.ts';
import type { AuthService } from './auth.usecases.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the admin API guard before the body is read. */
    adminActor?: Actor;
  }
}

/** The admin API; everything under it needs a token except public NACC data (catalog reads). */
const ADMIN_PREFIX = '/api/v1/';
const isPublic = (method: string, path: string) =>
  (method === 'GET' || method === 'HEAD') && (path === '/api/v1/catalogs' || path.startsWith('/api/v1/catalogs/'));

/**
 * Authenticates every admin API request in `onRequest`, before Fastify reads its body: an
 * upload without a valid token is refused at once and its connection closed, so unauthenticated
 * clients cannot make the server buffer 20 MB sheets (issue 10.2).
 */
export function registerAdminGuard(app: FastifyInstance, auth: Pick<AuthService, 'authenticate'>) {
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?', 1)[0]!;
    if (!path.startsWith(ADMIN_PREFIX) || isPublic(req.method, path)) return;
    try {
      req.adminActor = await auth.authenticate(req.headers.authorization);
    } catch (e) {
      // The body (if any) will not be read: do not keep the socket around to drain it.
      if (req.headers['content-length'] || req.headers['transfer-encoding']) reply.header('connection', 'close');
      throw e;
    }
  });
}

/** The admin actor of a request: the one the guard resolved, or (outside the guard) from its token. */
export function adminActor(auth: Pick<AuthService, 'authenticate'>) {
  return async (req: FastifyRequest): Promise<Actor> => req.adminActor ?? auth.authenticate(req.headers.authorization);
}
