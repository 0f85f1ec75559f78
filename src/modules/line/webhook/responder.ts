import { createHash } from 'node:crypto';
import type { Clock } from '../../../shared/clock.ts';
import { LineApiError, MAX_MESSAGES_PER_REQUEST, type LineGateway, type LineMessage } from '../line.gateway.ts';

/**
 * Reply tokens are valid for about a minute and once only
 * (https://developers.line.biz/en/reference/messaging-api/#send-reply-message); we keep a margin.
 */
export const REPLY_TOKEN_FRESH_MS = 50_000;

export type Conversation = {
  /** The user or group the answer goes to. */
  to: string;
  replyToken?: string;
  eventTimestamp: number;
  eventKey: string;
  orgId?: number | null;
};

/** A stable UUID per event and chunk, so a push resent after a crash is refused by LINE (409) instead of doubled. */
export function retryKeyFor(eventKey: string, chunk: number): string {
  const h = createHash('sha256').update(`${eventKey}#${chunk}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function chunkMessages(messages: LineMessage[]): LineMessage[][] {
  const out: LineMessage[][] = [];
  for (let i = 0; i < messages.length; i += MAX_MESSAGES_PER_REQUEST) out.push(messages.slice(i, i + MAX_MESSAGES_PER_REQUEST));
  return out;
}

/**
 * Answers an event: the first 5 messages by reply while the token is fresh, the rest (or all,
 * once the token is stale) by push with a retry key derived from the event id and chunk.
 *
 * `replyStarted`: an earlier attempt of this event stored its answer and went on to reply, then
 * died (issue 10.3). Its reply may have reached LINE, so chunk 0 is never pushed for it: with
 * the token still fresh it is replied again (LINE refuses a used token with 400: then it had
 * gone), and once the token is stale it is left. Chunks after the first carry their retry keys,
 * so LINE drops any a dead attempt had already pushed (409).
 */
export function createResponder({ gateway, clock }: { gateway: LineGateway; clock: Clock }) {
  return async function respond(conv: Conversation, messages: LineMessage[], opts: { replyStarted?: boolean } = {}): Promise<void> {
    const chunks = chunkMessages(messages);
    if (chunks.length === 0) return;
    let next = 0;
    const fresh = conv.replyToken && clock.now().getTime() - conv.eventTimestamp < REPLY_TOKEN_FRESH_MS;
    if (fresh) {
      try {
        await gateway.reply(conv.replyToken!, conv.to, chunks[0]!, { orgId: conv.orgId });
        next = 1;
      } catch (e) {
        // 429/5xx: retry the event later. A 400 (expired or used token): push instead, unless
        // our own earlier attempt is what used it.
        if (!(e instanceof LineApiError) || e.retryable) throw e;
        if (opts.replyStarted) next = 1;
      }
    } else if (opts.replyStarted && conv.replyToken) {
      next = 1;
    }
    const replied = next === 1 && Boolean(conv.replyToken);
    for (; next < chunks.length; next++) {
      try {
        await gateway.push(conv.to, chunks[next]!, { orgId: conv.orgId, retryKey: retryKeyFor(conv.eventKey, next) });
      } catch (e) {
        // The worker retries the event; the reply (chunk 0) has gone, and must not go again.
        if (replied && e instanceof Error) Object.assign(e, { afterReply: true });
        throw e;
      }
    }
  };
}

export type Respond = ReturnType<typeof createResponder>;
