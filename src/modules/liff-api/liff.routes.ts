import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { langFromHeader } from '../../messages/index.ts';
import { errors } from '../../shared/errors.ts';
import { idParam, parseInput } from '../../shared/validate.ts';
import { WORKFLOW_ACTIONS } from '../assignments/workflow.ts';
import type { LiffAuth } from './liff.auth.ts';
import { LIST_FILTERS, type LiffService } from './liff.usecases.ts';

// include=me: /me's answer too, from the same read (the page's first screen in one round trip).
const itemsQuery = z.object({ filter: z.enum(LIST_FILTERS).default('pending'), include: z.enum(['me']).optional() });
const evidenceParams = z.object({ id: idParam, evidenceId: idParam });
const ticksBody = z.object({ ticked: z.array(z.number().int().min(0).max(999)).max(1000) });
const evidenceBody = z.object({ url: z.string().min(1).max(8192), label: z.string().max(300).nullish() });
const labelBody = z.object({ label: z.string().max(300).nullable() });
const transitionBody = z.object({
  action: z.enum(WORKFLOW_ACTIONS),
  note: z.string().max(2000).nullish(),
  version: z.number().int().positive().max(2_147_483_647),
  confirmIncomplete: z.boolean().optional(),
});

type Deps = { auth: LiffAuth; liff: LiffService; rateLimitPerMinute: number };

/**
 * The LIFF page's API, /api/liff/v1 (contract: docs/liff-api.md). Every request carries the LIFF
 * ID token as a bearer; who the caller is comes only from that token, verified with LINE.
 * Rate-limited per token before anything else runs (so before a verification call to LINE).
 */
export async function liffApiRoutes(app: FastifyInstance, d: Deps) {
  await app.register(async (api) => {
    await api.register(rateLimit, {
      max: d.rateLimitPerMinute,
      timeWindow: 60_000,
      keyGenerator: (req) => {
        const auth = req.headers.authorization;
        return auth ? `t:${createHash('sha256').update(auth).digest('base64url')}` : `ip:${req.ip}`;
      },
      errorResponseBuilder: (_req, ctx) => errors.rateLimited(Math.max(1, Math.ceil(ctx.ttl / 1000))),
    });

    // The page sends small JSON bodies only.
    api.addHook('onRoute', (r) => {
      r.bodyLimit ??= 16_384;
    });

    const session = (req: FastifyRequest) => d.auth.authenticate(req.headers.authorization, req.socket.remoteAddress);
    const lang = (req: FastifyRequest) => langFromHeader(req.headers['accept-language']);
    const id = (req: FastifyRequest) => parseInput(z.object({ id: idParam }), req.params).id;

    api.get('/me', async (req) => d.liff.me(await session(req)));

    api.get('/items', async (req) => {
      const s = await session(req);
      const q = parseInput(itemsQuery, req.query);
      return d.liff.items(s, q.filter, lang(req), q.include === 'me');
    });

    api.get('/items/:id', async (req) => {
      const s = await session(req);
      return d.liff.item(s, id(req), lang(req));
    });

    api.put('/items/:id/components', async (req) => {
      const s = await session(req);
      return d.liff.setTicks(s, id(req), parseInput(ticksBody, req.body).ticked, lang(req));
    });

    api.post('/items/:id/evidence', async (req, reply) => {
      const s = await session(req);
      const body = parseInput(evidenceBody, req.body);
      return reply.status(201).send(await d.liff.addEvidence(s, id(req), body, lang(req)));
    });

    api.patch('/items/:id/evidence/:evidenceId', async (req) => {
      const s = await session(req);
      const p = parseInput(evidenceParams, req.params);
      return d.liff.relabelEvidence(s, p.id, p.evidenceId, parseInput(labelBody, req.body).label, lang(req));
    });

    api.delete('/items/:id/evidence/:evidenceId', async (req) => {
      const s = await session(req);
      const p = parseInput(evidenceParams, req.params);
      return d.liff.removeEvidence(s, p.id, p.evidenceId, lang(req));
    });

    api.post('/items/:id/transitions', async (req) => {
      const s = await session(req);
      const b = parseInput(transitionBody, req.body);
      return d.liff.transition(s, id(req), b.action, { note: b.note, version: b.version, confirmIncomplete: b.confirmIncomplete }, lang(req));
    });

    api.get('/overview', async (req) => d.liff.overview(await session(req), lang(req)));
  }, { prefix: '/api/liff/v1' });
}
