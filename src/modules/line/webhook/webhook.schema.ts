import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * The webhook body as far as the inbox needs it: https://developers.line.biz/en/reference/messaging-api/#request-body
 * Events are kept whole (passthrough) so processing sees everything LINE sent.
 */
export const webhookBody = z.object({
  destination: z.string().max(100).optional(),
  events: z.array(z.looseObject({ type: z.string().max(50), timestamp: z.number().optional(), webhookEventId: z.string().max(100).optional() })).max(500),
});

export type WebhookBody = z.infer<typeof webhookBody>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown, max: number) => v === undefined || (typeof v === 'string' && v.length <= max);

/**
 * The checks of `webhookBody`, by hand, for the acknowledgement path: zod's parse copies every
 * event (a looseObject is rebuilt key by key), which cost more than the whole check should on
 * every request. A body this accepts, webhookBody accepts too (test/line/webhook-schema.test.ts
 * holds them to the same answers); a body it refuses goes to webhookBody for the issues.
 */
export function isWebhookBody(v: unknown): v is WebhookBody {
  if (!isObject(v) || !optionalString(v.destination, 100) || !Array.isArray(v.events) || v.events.length > 500) return false;
  for (const e of v.events as unknown[]) {
    if (!isObject(e) || typeof e.type !== 'string' || e.type.length > 50 || !optionalString(e.webhookEventId, 100)) return false;
    if (e.timestamp !== undefined && !(typeof e.timestamp === 'number' && Number.isFinite(e.timestamp))) return false;
  }
  return true;
}

/** The inbox key: LINE's webhookEventId, or for old-format events a hash of the event itself. */
export function eventKey(event: { webhookEventId?: string } & Record<string, unknown>): string {
  if (event.webhookEventId) return event.webhookEventId;
  return `sha256:${createHash('sha256').update(JSON.stringify(event)).digest('hex')}`;
}

const source = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), userId: z.string().max(100) }),
  z.object({ type: z.literal('group'), groupId: z.string().max(100), userId: z.string().max(100).optional() }),
  z.object({ type: z.literal('room'), roomId: z.string().max(100), userId: z.string().max(100).optional() }),
]);

const base = { timestamp: z.number(), source, replyToken: z.string().max(200).optional() };

/** The events the bot acts on; anything else is stored and then ignored. */
export const handledEvent = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('message'),
    message: z.looseObject({
      type: z.string(),
      text: z.string().max(5000).optional(),
      mention: z.object({ mentionees: z.array(z.looseObject({ index: z.number(), length: z.number(), isSelf: z.boolean().optional() })) }).optional(),
    }),
  }),
  z.object({ ...base, type: z.literal('postback'), postback: z.object({ data: z.string().max(300) }) }),
  z.object({ ...base, type: z.literal('follow') }),
  z.object({ ...base, type: z.literal('unfollow') }),
  z.object({ ...base, type: z.literal('join') }),
  z.object({ ...base, type: z.literal('leave') }),
  z.object({
    ...base,
    type: z.literal('memberJoined'),
    joined: z.object({ members: z.array(z.object({ type: z.string(), userId: z.string().max(100).optional() })) }),
  }),
]);

export type HandledEvent = z.infer<typeof handledEvent>;
