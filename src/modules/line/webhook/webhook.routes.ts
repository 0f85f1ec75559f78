import { validateSignature } from '@line/bot-sdk';
import type { FastifyInstance } from 'fastify';
import type { Container } from '../../../container.ts';
import { errors } from '../../../shared/errors.ts';
import { createBatcher } from './inbox.batcher.ts';
import { InboxInsertError, type InboxRequest } from './inbox.repository.ts';
import { MAX_JSON_DEPTH, mayHoldUnstorable, mayNotFitNumeric, nestedDeeperThan, storable } from './webhook.sanitize.ts';
import { eventKey, isWebhookBody, webhookBody, type WebhookBody } from './webhook.schema.ts';

/** The body as webhookBody reads it, or its issues (400). */
function checked(json: unknown): WebhookBody {
  const parsed = webhookBody.safeParse(json);
  if (!parsed.success) throw errors.validation(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return parsed.data;
}

/** LINE sends at most a few hundred KB; anything over 1 MB is refused before it is read fully. */
export const WEBHOOK_BODY_LIMIT = 1_048_576;

/**
 * POST /webhook. In its own encapsulated scope with a raw-buffer body parser, so the signature is
 * checked on the exact bytes LINE signed (https://developers.line.biz/en/docs/messaging-api/receiving-messages/#verify-signature);
 * JSON is parsed only after the check. The request is committed to the inbox before the 200 (its
 * body, one row, through the group-commit batcher: concurrent requests share one INSERT and one
 * commit), then split into events and processed after it: the acknowledgement never waits on a
 * LINE API call, nor on PostgreSQL parsing the events. A failed insert answers 5xx, so LINE
 * redelivers; the inbox skips event ids it already holds.
 */
export function webhookRoutes(app: FastifyInstance, c: Pick<Container, 'config' | 'clock' | 'lineBot'>) {
  const secret = c.config.line.channelSecret;
  if (!secret) return;
  const inbox = c.lineBot.inbox;
  const batcher = createBatcher<InboxRequest>({
    write: (requests) => inbox.insertRequests(requests),
    size: (request) => request.keys.length,
    retryAlone: (e) => e instanceof InboxInsertError && e.isDataError,
  });
  app.addHook('onClose', async () => {
    await batcher.drain();
    await c.lineBot.worker.stop();
  });
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_req, body, done) => done(null, body));

    scope.post('/webhook', async (req, reply) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const signature = req.headers['x-line-signature'];
      if (typeof signature !== 'string' || signature.length === 0 || !validateSignature(raw, secret, signature)) {
        throw errors.unauthorized();
      }
      const text = raw.toString('utf8');
      if (nestedDeeperThan(text)) throw errors.validation([{ path: '', message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels` }]);
      // A SyntaxError here becomes 400 BAD_JSON in the error handler; strings jsonb cannot hold become U+FFFD (issue 10.6).
      const parsedJson: unknown = JSON.parse(text);
      const unstorable = mayHoldUnstorable(text);
      const json = unstorable ? storable(parsedJson) : parsedJson;
      const { destination, events } = isWebhookBody(json) ? json : checked(json);
      if (events.length > 0) {
        const at = c.clock.now();
        // The signed text itself is stored (not re-serialised here; PostgreSQL parses it when a
        // worker splits it into events), unless it holds what that parse would refuse: then the
        // cleaned events, so that the split cannot fail on them.
        const body = unstorable || mayNotFitNumeric(text) ? JSON.stringify({ destination, events }) : text;
        await batcher.add([{ at, keys: events.map(eventKey), body }]);
        if (c.config.inbox.workerEnabled) c.lineBot.worker.kick();
      }
      return reply.status(200).send({});
    });
  });
}
