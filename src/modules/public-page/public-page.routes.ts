import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { msg } from '../../messages/index.ts';
import { parseInput } from '../../shared/validate.ts';
import { adminActor } from '../auth/auth.hook.ts';
import { notFoundHtml } from './public-page.html.ts';

const params = z.object({ slug: z.string().max(63), year: z.coerce.number().int().min(2500).max(2700) });
const publishBody = z.object({ year: z.number().int().min(2500).max(2700), published: z.boolean() });

// The page is static HTML with inline CSS and fonts: it needs nothing else, so it may load nothing else.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'";

/** GET /public/:slug/:year (no login; 404 unless published), POST /api/v1/public-page (admin). */
export function publicPageRoutes(app: FastifyInstance, c: Pick<Container, 'auth' | 'publicPage'>) {
  app.get('/public/:slug/:year', async (req, reply) => {
    const p = params.safeParse(req.params);
    const html = p.success ? await c.publicPage.publicHtml(p.data.slug, p.data.year) : null;
    reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', CSP).header('x-content-type-options', 'nosniff');
    if (html === null) return reply.status(404).header('cache-control', 'no-store').send(notFoundHtml(msg('th')));
    return reply.header('cache-control', 'public, max-age=300').send(html);
  });

  app.post('/api/v1/public-page', async (req) => {
    const actor = await adminActor(c.auth)(req);
    const body = parseInput(publishBody, req.body);
    return c.publicPage.setPublished(actor, body.year, body.published);
  });
}
