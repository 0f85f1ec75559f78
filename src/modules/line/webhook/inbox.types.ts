import type { Db } from '../../../db/client.ts';
import type { LineMessage } from '../line.gateway.ts';
import type { Conversation } from './responder.ts';

/** What the inbox worker (inbox.worker.ts) hands to the event handler and gets back from it. */
export type InboxJob = { webhookEventId: string; event: unknown; attempt: number; receivedAt: Date };

/** The person a 1:1 answer goes to, when linked: what is due to them today can ride on the free reply. */
export type Rider = { lineUserId: string; officerId: number; orgId: number; isAdmin: boolean };

/** What handling an event produced: the answer and where it goes; `redact` replaces the stored text (it held a one-time code). */
export type InboxAnswer = { conv: Conversation; messages: LineMessage[]; rider?: Rider; redact?: string };

/** Handles one event (its effects are keyed so a repeat is a no-op) and says what to answer, without sending it. */
export type InboxHandler = (job: InboxJob) => Promise<InboxAnswer | void>;

/**
 * What rides on replies (delivery/reply-riders.ts: today's unsent reminder, a notice to an admin).
 * `waiting` asks once per batch which of its 1:1 users have something (and whether admins do);
 * `take` takes it, at most `room` messages each, in the transaction that stores the answers.
 */
export type ReplyRiders = {
  waiting(lineUserIds: string[], now: Date): Promise<{ users: Set<string>; admins: boolean }>;
  take(tx: Db, riders: Array<{ rider: Rider; room: number }>, now: Date): Promise<Map<string, LineMessage[]>>;
};
