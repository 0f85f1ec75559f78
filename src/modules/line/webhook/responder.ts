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
  /** Inbox attempt number: a retried event may already have used its token. */
  attempt: number;
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

/** Answers an event: reply while the token is fresh and unused, otherwise (or for chunks after the first 5) push. */
export function createResponder({ gateway, clock }: { gateway: LineGateway; clock: Clock }) {
  return async function respond(conv: Conversation, messages: LineMessage[]): Promise<void> {
    const chunks = chunkMessages(messages);
    if (chunks.length === 0) return;
    let next = 0;
    const fresh = conv.replyToken && conv.attempt <= 1 && clock.now().getTime() - conv.eventTimestamp < REPLY_TOKEN_FRESH_MS;
    if (fresh) {
      try {
        await gateway.reply(conv.replyToken!, conv.to, chunks[0]!, { orgId: conv.orgId });
        next = 1;
      } catch (e) {
        // An expired or already used token is a 400: fall back to push. 429/5xx: retry the event later.
        if (!(e instanceof LineApiError) || e.retryable) throw e;
      }
    }
    for (; next < chunks.length; next++) {
      await gateway.push(conv.to, chunks[next]!, { orgId: conv.orgId, retryKey: retryKeyFor(conv.eventKey, next) });
    }
  };
}

export type Respond = ReturnType<typeof createResponder>;
