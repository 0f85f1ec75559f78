import type { messagingApi } from '@line/bot-sdk';
import type { Db } from '../../db/client.ts';
import type { Messages } from '../../messages/index.ts';
import { flexMessage } from '../line/chat/flex/common.ts';
import { MAX_MESSAGES_PER_REQUEST, type LineMessage } from '../line/line.gateway.ts';
import type { OutboxRepository } from './outbox.repository.ts';

/** notifications/review-cards.ts's REVIEW_REQUEST (not imported: notifications depends on reminders). */
const REVIEW_REQUEST_KIND = 'review_request';

/** Bubbles per carousel (LINE's limit: https://developers.line.biz/en/reference/messaging-api/#f-carousel). */
const BUBBLES_PER_CAROUSEL = 12;
/** One push carries up to 5 messages, so a digest lists up to 60 cards (LINE counts the push once per recipient). */
export const MAX_DIGEST_ITEMS = BUBBLES_PER_CAROUSEL * MAX_MESSAGES_PER_REQUEST;

/** The cards (flex bubbles) of a planned message, or null when it is not made only of cards (then it is not merged). */
export function cardsOf(messages: LineMessage[]): messagingApi.FlexBubble[] | null {
  const out: messagingApi.FlexBubble[] = [];
  for (const m of messages) {
    if (m.type !== 'flex') return null;
    const c = (m as messagingApi.FlexMessage).contents;
    if (c.type === 'bubble') out.push(c);
    else if (c.type === 'carousel') out.push(...c.contents);
    else return null;
  }
  return out.length ? out : null;
}

/**
 * One message for a reviewer's waiting review requests of a day (issue 12.2): their cards side
 * by side (each keeps its own buttons and its link to the LIFF review page), 12 to a carousel,
 * at most MAX_DIGEST_ITEMS. The first carousel's alt text (the notification line) says how many.
 */
export function reviewDigest(m: Messages, cards: messagingApi.FlexBubble[]): LineMessage[] {
  const out: LineMessage[] = [];
  for (let i = 0; i < cards.length && out.length < MAX_MESSAGES_PER_REQUEST; i += BUBBLES_PER_CAROUSEL) {
    out.push(flexMessage(m.delivery.digest.reviewAlt(cards.length), cards.slice(i, i + BUBBLES_PER_CAROUSEL)));
  }
  return out;
}

type DigestRepo = Pick<OutboxRepository, 'digestCandidates' | 'applyDigest'>;

/**
 * Merges each reviewer's review requests due now of one day into one push (the lowest row
 * carries the digest; the others become `merged` into it), in one transaction before the sender
 * claims. Only rows never claimed are merged, so nothing that may have reached LINE changes;
 * a digest not yet sent takes in what arrived since (its cards stay in it). Returns how many rows
 * were merged. Used while a message budget applies (delivery/budget.ts): every push counts then.
 */
export async function composeReviewDigests(db: Db, repo: DigestRepo, m: Messages, now: Date): Promise<number> {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const groups = new Map<string, Array<{ id: number; cards: messagingApi.FlexBubble[] }>>();
    for (const r of await repo.digestCandidates(tx, now, REVIEW_REQUEST_KIND)) {
      const cards = cardsOf(r.messages);
      if (!cards) continue;
      const key = `${r.recipient}|${r.local_date}`;
      groups.set(key, [...(groups.get(key) ?? []), { id: r.id, cards }]);
    }
    let merged = 0;
    for (const rows of groups.values()) {
      const taken: typeof rows = [];
      let n = 0;
      for (const r of rows) {
        if (n + r.cards.length > MAX_DIGEST_ITEMS) break;
        taken.push(r);
        n += r.cards.length;
      }
      if (taken.length < 2) continue;
      const cards = taken.flatMap((r) => r.cards);
      await repo.applyDigest(tx, taken[0]!.id, reviewDigest(m, cards), `digest: ${cards.length} review requests in this one message`, taken.slice(1).map((r) => r.id));
      merged += taken.length - 1;
    }
    return merged;
  });
}

/**
 * While the month's budget does not carry the full policy (level below `full`), review requests
 * wait for one digest a day per reviewer at DIGEST_HOUR (Bangkok), so the day's submissions share
 * one push; until then they also ride on any free reply the reviewer gets. Requests made after
 * that hour go at the next send (digested with whatever else waits).
 */
export const DIGEST_HOUR = 16;

/** DIGEST_HOUR:00 in Bangkok on the day `today` (UTC+7, no daylight saving). */
export function digestTime(today: string): Date {
  return new Date(Date.parse(`${today}T${String(DIGEST_HOUR).padStart(2, '0')}:00:00+07:00`));
}
