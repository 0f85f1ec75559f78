import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLineLoginStandIn, type LineLoginStandIn } from './line-login.ts';

/**
 * A local stand-in for the LINE Messaging API (https://developers.line.biz/en/reference/messaging-api/):
 * reply, push, multicast, profile and group member profile, with X-Line-Retry-Key → 409 on a
 * repeat, and 429 / 5xx / latency on demand. Tests and benchmarks point the real @line/bot-sdk
 * client at it through LINE_API_BASE_URL.
 *
 * Metering as LINE does it (https://developers.line.biz/en/docs/messaging-api/pricing/): replies
 * are free; a push costs one message per recipient, a group's members (without the bot) each
 * counting. GET /v2/bot/message/quota answers `{"type":"limited","value":N}` or `{"type":"none"}`,
 * GET /v2/bot/message/quota/consumption `{"totalUsage":N}`, GET /v2/bot/group/{id}/members/count
 * `{"count":N}` (https://developers.line.biz/en/reference/messaging-api/#get-quota,
 * #get-consumption, #get-members-group-count). A push the month's quota cannot pay for is refused,
 * sending nothing, with 429 `{"message":"You have reached your monthly limit."}`; a rate-limit 429
 * says `{"message":"The API rate limit has been exceeded. Try again later."}`
 * (https://developers.line.biz/en/docs/messaging-api/handling-http-429-errors/).
 */
export const MONTHLY_LIMIT_MESSAGE = 'You have reached your monthly limit.';
export const RATE_LIMIT_MESSAGE = 'The API rate limit has been exceeded. Try again later.';
/** What getBotInfo answers (https://developers.line.biz/en/reference/messaging-api/#get-bot-info). */
export const BOT_BASIC_ID = '@123abcde';

export type RecordedRequest = {
  method: string;
  path: string;
  retryKey?: string;
  body: any;
  at: number;
};

export type Fault = { status: number; retryAfterSeconds?: number; body?: unknown; paths?: RegExp };

export type LineApiStandIn = {
  url: string;
  requests: RecordedRequest[];
  /** Accepted sends (reply, push, multicast), duplicates by retry key excluded. */
  delivered(): RecordedRequest[];
  /** The next `count` matching requests fail with this status. */
  failNext(count: number, fault: Fault): void;
  setLatency(ms: number): void;
  /** Push to this user fails as LINE does for a user who blocked the account / is unknown. */
  blockUser(userId: string): void;
  unblockUser(userId: string): void;
  setProfile(userId: string, displayName: string): void;
  /** The channel's monthly quota: a number (type "limited") or null (type "none", no limit). */
  setQuota(limit: number | null): void;
  /** Messages counted this month (pushes × recipients). */
  usage(): number;
  setUsage(n: number): void;
  /** Members of a group, the bot excluded (what a push to it costs). Unknown groups answer 404. */
  setGroupMembers(groupId: string, count: number): void;
  /** Quota reads (GET /v2/bot/message/quota and …/consumption) so far. */
  quotaReads(): number;
  reset(): void;
  /** LINE Login's ID token verification (line-login.ts). */
  login: LineLoginStandIn;
  close(): Promise<void>;
};

/** `recordBodies: false` keeps only the recipient and first altText of each request (benchmarks sending many thousands). */
export async function startLineApiStandIn(opts: { accessToken?: string; latencyMs?: number; recordBodies?: boolean; now?: () => number } = {}): Promise<LineApiStandIn> {
  const login = createLineLoginStandIn(opts.now);
  const requests: RecordedRequest[] = [];
  const acceptedKeys = new Map<string, string>();
  const usedReplyTokens = new Set<string>();
  const faults: Array<Fault & { left: number }> = [];
  const blocked = new Set<string>();
  const profiles = new Map<string, string>();
  const groupMembers = new Map<string, number>();
  let quota: number | null = null;
  let used = 0;
  let reads = 0;
  let latency = opts.latencyMs ?? 0;
  const costOf = (to: string) => (/^[CR]/.test(to) ? (groupMembers.get(to) ?? 1) : 1);
  let seq = 0;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '').split('?')[0]!;
    if (path.startsWith('/oauth2/')) {
      // LINE Login (form-encoded, no channel access token): faults and latency apply as to the rest.
      requests.push({ method: req.method ?? 'GET', path, body: null, at: Date.now() });
      if (latency > 0) await new Promise((r) => setTimeout(r, latency));
      const fault = faults.find((f) => f.left > 0 && (!f.paths || f.paths.test(path)));
      if (fault) {
        fault.left -= 1;
        return send(res, fault.status, fault.body ?? { message: 'Internal Server Error' });
      }
      const answer = login.handle(path, req.method ?? 'GET', req.headers['content-type'], raw);
      return answer ? send(res, answer.status, answer.body) : send(res, 404, { message: 'Not found' });
    }
    const retryKey = (req.headers['x-line-retry-key'] as string | undefined) ?? undefined;
    let body: any = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      return send(res, 400, { message: 'The request body has 1 error(s)' });
    }
    const rec: RecordedRequest = { method: req.method ?? 'GET', path, retryKey, body: opts.recordBodies === false ? { to: body?.to, altText: body?.messages?.[0]?.altText } : body, at: Date.now() };
    requests.push(rec);
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));

    if (opts.accessToken && req.headers.authorization !== `Bearer ${opts.accessToken}`) {
      return send(res, 401, { message: 'Authentication failed' });
    }
    const fault = faults.find((f) => f.left > 0 && (!f.paths || f.paths.test(path)));
    if (fault) {
      fault.left -= 1;
      const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
      return send(res, fault.status, fault.body ?? { message: fault.status === 429 ? RATE_LIMIT_MESSAGE : 'Internal Server Error' }, headers);
    }

    const messages: unknown[] | undefined = body?.messages;
    if (/^\/v2\/bot\/message\/(reply|push|multicast)$/.test(path)) {
      if (!Array.isArray(messages) || messages.length < 1 || messages.length > 5) {
        return send(res, 400, { message: 'The request body has 1 error(s)', details: [{ message: 'Size must be between 1 and 5', property: 'messages' }] });
      }
      // As LINE does: a URI action over 1,000 characters makes the whole request invalid.
      const longUri = findLongUri(messages);
      if (longUri) {
        return send(res, 400, { message: 'A message (messages[0]) in the request body is invalid', details: [{ message: 'Length must be between 0 and 1000', property: longUri }] });
      }
      if (retryKey) {
        const prior = acceptedKeys.get(retryKey);
        if (prior) {
          return send(res, 409, { message: 'The retry key is already accepted' }, { 'x-line-accepted-request-id': prior });
        }
      }
    }

    if (path === '/v2/bot/message/reply') {
      if (!body.replyToken || usedReplyTokens.has(body.replyToken)) return send(res, 400, { message: 'Invalid reply token' });
      usedReplyTokens.add(body.replyToken);
      (rec as any).accepted = true;
      return send(res, 200, { sentMessages: messages!.map(() => ({ id: String(++seq) })) });
    }
    if (path === '/v2/bot/message/push' || path === '/v2/bot/message/multicast') {
      const to: string[] = path.endsWith('push') ? [body.to] : body.to ?? [];
      if (to.some((t) => blocked.has(t))) return send(res, 400, { message: 'Failed to send messages' });
      const cost = to.reduce((n, t) => n + costOf(t), 0);
      if (quota !== null && used + cost > quota) return send(res, 429, { message: MONTHLY_LIMIT_MESSAGE });
      used += cost;
      const requestId = `req-${++seq}`;
      if (retryKey) acceptedKeys.set(retryKey, requestId);
      (rec as any).accepted = true;
      return send(res, 200, path.endsWith('push') ? { sentMessages: messages!.map(() => ({ id: String(++seq) })) } : {}, { 'x-line-request-id': requestId });
    }
    if (path === '/v2/bot/message/quota') {
      reads++;
      return send(res, 200, quota === null ? { type: 'none' } : { type: 'limited', value: quota });
    }
    if (path === '/v2/bot/message/quota/consumption') {
      reads++;
      return send(res, 200, { totalUsage: used });
    }
    if (path === '/v2/bot/info') {
      return send(res, 200, { userId: 'U0000000000000000000000000000b0t', basicId: BOT_BASIC_ID, displayName: 'ITA OIT (stand-in)', chatMode: 'bot', markAsReadMode: 'auto' });
    }
    let m = /^\/v2\/bot\/group\/([^/]+)\/members\/count$/.exec(path);
    if (m) {
      const n = groupMembers.get(m[1]!);
      return n === undefined ? send(res, 404, { message: 'Not found' }) : send(res, 200, { count: n });
    }
    m = /^\/v2\/bot\/profile\/([^/]+)$/.exec(path);
    if (m) {
      const name = profiles.get(m[1]!);
      return name ? send(res, 200, { userId: m[1], displayName: name, language: 'th' }) : send(res, 404, { message: 'Not found' });
    }
    m = /^\/v2\/bot\/group\/([^/]+)\/member\/([^/]+)$/.exec(path);
    if (m) {
      const name = profiles.get(m[2]!);
      return name ? send(res, 200, { userId: m[2], displayName: name }) : send(res, 404, { message: 'Not found' });
    }
    return send(res, 404, { message: 'Not found' });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => send(res, 500, { message: String(e) }));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    delivered: () => requests.filter((r) => (r as any).accepted),
    failNext: (count, fault) => faults.push({ ...fault, left: count }),
    setLatency: (ms) => { latency = ms; },
    blockUser: (id) => blocked.add(id),
    unblockUser: (id) => blocked.delete(id),
    setProfile: (id, name) => profiles.set(id, name),
    login,
    setQuota: (limit) => { quota = limit; },
    usage: () => used,
    setUsage: (n) => { used = n; },
    setGroupMembers: (id, n) => groupMembers.set(id, n),
    quotaReads: () => reads,
    reset: () => {
      requests.length = 0;
      faults.length = 0;
      acceptedKeys.clear();
      usedReplyTokens.clear();
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** The path of the first URI action longer than LINE accepts, or null. */
function findLongUri(v: unknown, path = 'messages'): string | null {
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) {
      const found = findLongUri(x, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (o.type === 'uri' && typeof o.uri === 'string' && o.uri.length > 1000) return `${path}.uri`;
    for (const [k, x] of Object.entries(o)) {
      const found = findLongUri(x, `${path}.${k}`);
      if (found) return found;
    }
  }
  return null;
}
