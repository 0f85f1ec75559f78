import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { lineMessageLog } from './line.table.ts';

export type LineMessage = messagingApi.Message;

/** LINE's own limit: https://developers.line.biz/en/reference/messaging-api/#send-push-message */
export const MAX_MESSAGES_PER_REQUEST = 5;

/** LINE's body of the 429 that means "no messages left this month", not "too fast" (https://developers.line.biz/en/docs/messaging-api/handling-http-429-errors/). */
export const MONTHLY_LIMIT_MESSAGE = 'You have reached your monthly limit.';

/**
 * A failed LINE call. `retryable` for 429/5xx/timeouts; `permanent` for 4xx that will never
 * succeed (blocked or unknown user, bad request). `lineMessage` is the `message` of LINE's error
 * body, which tells the kinds of 429 apart.
 */
export class LineApiError extends Error {
  readonly status: number;
  readonly retryAfterMs: number | null;
  readonly lineMessage: string | null;
  constructor(status: number, message: string, retryAfterMs: number | null = null, lineMessage: string | null = null) {
    super(message);
    this.name = 'LineApiError';
    this.status = status;
    this.retryAfterMs = retryAfterMs;
    this.lineMessage = lineMessage;
  }
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
  /** The month's messages are used up: retrying before the 1st only gets the same answer. */
  get monthlyLimit(): boolean {
    return this.status === 429 && this.lineMessage === MONTHLY_LIMIT_MESSAGE;
  }
}

/** The channel's monthly message quota as LINE counts it: `limit` null means no limit is set. */
export type MessageQuota = { limit: number | null; used: number };

export type SendContext = { orgId?: number | null };

export interface LineGateway {
  readonly offline: boolean;
  reply(replyToken: string, to: string, messages: LineMessage[], ctx?: SendContext): Promise<void>;
  /** With a retryKey, a repeat LINE already accepted (409) counts as success. */
  push(to: string, messages: LineMessage[], opts?: SendContext & { retryKey?: string }): Promise<void>;
  displayName(userId: string, groupId?: string): Promise<string | null>;
  /** This month's quota and consumption (getMessageQuota, getMessageQuotaConsumption); null offline. */
  quota(): Promise<MessageQuota | null>;
  /** Members of a group without the bot (getGroupMemberCount): what one push to it costs; null if unknown. */
  groupMemberCount(groupId: string): Promise<number | null>;
  /** The bot's basic ID ("@…", getBotInfo), for links that open a chat with it; null offline or when LINE does not answer. */
  botBasicId(): Promise<string | null>;
  /** Writes what is still waiting for line_message_log (sends do not wait for it). */
  flushLog(): Promise<void>;
}

function lineMessageOf(body: string | undefined): string | null {
  try {
    const m = (JSON.parse(body ?? '') as { message?: unknown }).message;
    return typeof m === 'string' ? m : null;
  } catch {
    return null;
  }
}

function toLineError(e: unknown): LineApiError {
  if (e instanceof LineApiError) return e;
  if (e instanceof HTTPFetchError) {
    const ra = Number(e.headers?.get?.('retry-after'));
    return new LineApiError(e.status, `LINE API ${e.status}: ${e.body?.slice(0, 200)}`, Number.isFinite(ra) && ra > 0 ? ra * 1000 : null, lineMessageOf(e.body));
  }
  return new LineApiError(0, `LINE API unreachable: ${(e as Error).message}`);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LineApiError(0, `LINE API timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

type Deps = { db: Db; clock: Clock; log?: (line: string) => void };

type LogRow = typeof lineMessageLog.$inferInsert;
const LOG_BATCH = 500;
const LOG_FLUSH_MS = 250;

/**
 * One INSERT for a batch of log rows, as one JSON parameter PostgreSQL unpacks (as the inbox
 * insert does): building a statement with a parameter per column of every row cost more CPU than
 * the sends it logs (issue 12.6). Ids follow the order the rows were added.
 */
async function insertLog(db: Db, rows: LogRow[]) {
  const json = JSON.stringify(rows.map((r) => [r.orgId ?? null, r.to, r.via, r.messages, r.offline, (r.at as Date).toISOString()]));
  await db.execute(sql`
    insert into line_message_log (org_id, "to", via, messages, offline, at)
    select (r->>0)::int, r->>1, r->>2, r->3, (r->>4)::boolean, (r->>5)::timestamptz
    from jsonb_array_elements(${json}::jsonb) with ordinality as t(r, n)
    order by n`);
}

/**
 * line_message_log, written behind the sends: rows collect and go in one INSERT when
 * LOG_BATCH are waiting, LOG_FLUSH_MS after the first, or at flushLog() (the inbox worker after
 * each batch, the outbox sender after each drain, shutdown). A LINE send never waits on it: the
 * log is what an operator reads, the inbox and outbox are what guarantees delivery.
 */
function messageLog(deps: Deps) {
  let rows: LogRow[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = rows;
    rows = [];
    if (batch.length) {
      writing = writing
        .then(async () => { await insertLog(deps.db, batch); })
        .catch((e) => deps.log?.(`line message log: writing ${batch.length} row(s) failed: ${(e as Error).message}`));
    }
    return writing;
  };
  return {
    add(v: { to: string; via: 'reply' | 'push'; messages: LineMessage[]; offline: boolean; orgId?: number | null }) {
      rows.push({ orgId: v.orgId ?? null, to: v.to, via: v.via, messages: v.messages, offline: v.offline, at: deps.clock.now() });
      if (rows.length >= LOG_BATCH) void flush();
      else if (!timer) {
        timer = setTimeout(() => void flush(), LOG_FLUSH_MS);
        timer.unref();
      }
    },
    flush,
  };
}

/** Sends through the real @line/bot-sdk client, to LINE or to the base URL configured (a stand-in). */
export function createOnlineGateway(deps: Deps & { channelAccessToken: string; baseURL: string; timeoutMs?: number }): LineGateway {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: deps.channelAccessToken, baseURL: deps.baseURL });
  const log = messageLog(deps);
  const timeout = deps.timeoutMs ?? 10_000;
  return {
    offline: false,
    async reply(replyToken, to, messages, ctx) {
      try {
        await withTimeout(client.replyMessage({ replyToken, messages }), timeout);
      } catch (e) {
        throw toLineError(e);
      }
      log.add({ to, via: 'reply', messages, offline: false, orgId: ctx?.orgId });
    },
    async push(to, messages, opts) {
      try {
        await withTimeout(client.pushMessage({ to, messages }, opts?.retryKey), timeout);
      } catch (e) {
        const err = toLineError(e);
        // 409 with a retry key: LINE already accepted this very request earlier.
        if (!(err.status === 409 && opts?.retryKey)) throw err;
      }
      log.add({ to, via: 'push', messages, offline: false, orgId: opts?.orgId });
    },
    async displayName(userId, groupId) {
      try {
        const p = await withTimeout(groupId ? client.getGroupMemberProfile(groupId, userId) : client.getProfile(userId), timeout);
        return p.displayName;
      } catch {
        return null;
      }
    },
    async quota() {
      try {
        const [q, c] = await withTimeout(Promise.all([client.getMessageQuota(), client.getMessageQuotaConsumption()]), timeout);
        return { limit: q.type === 'limited' && typeof q.value === 'number' ? q.value : null, used: c.totalUsage };
      } catch (e) {
        throw toLineError(e);
      }
    },
    flushLog: () => log.flush(),
    async botBasicId() {
      try {
        return (await withTimeout(client.getBotInfo(), timeout)).basicId ?? null;
      } catch {
        return null;
      }
    },
    async groupMemberCount(groupId) {
      try {
        return (await withTimeout(client.getGroupMemberCount(groupId), timeout)).count;
      } catch (e) {
        const err = toLineError(e);
        if (err.retryable) throw err;
        return null; // not a member any more, or no such group
      }
    },
  };
}

/**
 * Offline mode (no LINE credentials): nothing leaves the machine; messages are recorded in
 * line_message_log, printed, and shown by the simulator.
 */
export function createOfflineGateway(deps: Deps): LineGateway {
  const print = deps.log ?? ((l: string) => console.log(l));
  const log = messageLog(deps);
  const record = async (to: string, via: 'reply' | 'push', messages: LineMessage[], orgId?: number | null) => {
    log.add({ to, via, messages, offline: true, orgId });
    const text = messages.map((m) => ('altText' in m ? `[flex] ${m.altText}` : 'text' in m ? m.text : `[${m.type}]`)).join(' | ');
    print(`[LINE offline] ${via} → ${to}: ${text}`);
  };
  return {
    offline: true,
    reply: (_token, to, messages, ctx) => record(to, 'reply', messages, ctx?.orgId),
    push: (to, messages, opts) => record(to, 'push', messages, opts?.orgId),
    displayName: async () => null,
    quota: async () => null,
    groupMemberCount: async () => null,
    botBasicId: async () => null,
    flushLog: () => log.flush(),
  };
}
