import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors } from '../../shared/errors.ts';
import { parseInput } from '../../shared/validate.ts';
import { loadDemo, type DemoDeps } from '../demo/demo.usecases.ts';
import { isLoopback } from '../../shared/loopback.ts';
import { createSimulator, type SimulatorDeps } from './simulator.usecases.ts';

const lineId = z.string().regex(/^[UC][0-9a-zA-Z]{10,60}$/, 'a LINE user or group id');
const sendBody = z.object({
  userId: lineId,
  groupId: lineId.optional(),
  event: z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), text: z.string().min(1).max(5000) }),
    z.object({ type: z.literal('postback'), data: z.string().min(1).max(300) }),
    z.object({ type: z.enum(['follow', 'unfollow', 'join', 'leave', 'memberJoined']) }),
  ]),
});
const actAsBody = z.object({ orgId: z.number().int().positive(), officerId: z.number().int().positive() });
const groupBody = z.object({ orgId: z.number().int().positive().nullable(), name: z.string().max(100).nullable().default(null) });
const messagesQuery = z.object({ to: lineId, after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0) });
const codeBody = z.object({ orgSlug: z.string().min(1).max(63), officerName: z.string().max(300).optional() });

/**
 * The LINE simulator, registered only in offline mode (no LINE credentials; config refuses
 * OFFLINE_MODE with credentials). GET /dev/simulator is a self-contained page; the JSON API
 * under /dev/simulator/api feeds events through the real inbox and processing. Whoever uses it
 * can act as anyone, so it answers only requests from this machine (loopback), whatever HOST is.
 */
export function simulatorRoutes(app: FastifyInstance, c: SimulatorDeps & DemoDeps) {
  if (!c.config.line.offline) return;
  const sim = createSimulator(c);
  const page = readFileSync(new URL('./simulator.html', import.meta.url), 'utf8');
  // Thai never depends on system fonts: the page gets the Sarabun the project ships (OFL).
  const font = readFileSync(createRequire(import.meta.url).resolve('@fontsource/sarabun/files/sarabun-thai-400-normal.woff2'));
  app.addHook('onClose', async () => c.lineBot.worker.stop());
  // In its own plugin scope: the hook guards these routes only.
  app.register(async (scope) => {
    scope.addHook('onRequest', async (req) => {
      if (!isLoopback(req.socket.remoteAddress)) throw errors.simulatorLocalOnly();
    });
    scope.get('/dev/simulator/sarabun-thai.woff2', async (_req, reply) => reply.type('font/woff2').header('cache-control', 'public, max-age=86400').send(font));
    routes(scope, c, sim, page);
  });
}

function routes(app: FastifyInstance, c: DemoDeps, sim: ReturnType<typeof createSimulator>, page: string) {
  app.get('/dev/simulator', async (_req, reply) => reply.type('text/html; charset=utf-8').send(page));
  app.get('/dev/simulator/api/directory', async () => ({ orgs: await sim.directory() }));
  app.post('/dev/simulator/api/act-as', async (req) => {
    const b = parseInput(actAsBody, req.body);
    return sim.actAs(b.orgId, b.officerId);
  });
  app.post('/dev/simulator/api/demo', async () => loadDemo(c));
  app.post('/dev/simulator/api/new-user', async () => sim.newUser());
  app.post('/dev/simulator/api/groups', async (req) => {
    const b = parseInput(groupBody, req.body);
    return sim.newGroup(b.orgId, b.name);
  });
  app.post('/dev/simulator/api/send', async (req) => {
    const b = parseInput(sendBody, req.body);
    return sim.send({ userId: b.userId, groupId: b.groupId }, b.event);
  });
  app.get('/dev/simulator/api/messages', async (req) => {
    const q = parseInput(messagesQuery, req.query);
    return { messages: await sim.messages(q.to, q.after) };
  });
  app.post('/dev/simulator/api/link-code', async (req) => {
    const b = parseInput(codeBody, req.body);
    return b.officerName ? sim.linkCode(b.orgSlug, b.officerName) : sim.groupCode(b.orgSlug);
  });
}
