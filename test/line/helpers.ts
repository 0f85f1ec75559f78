import { createHmac, randomUUID } from 'node:crypto';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';
import { startLineApiStandIn, type LineApiStandIn } from '../fakes/line-api.ts';

export const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const TOKEN = 'test-channel-access-token';

/** Exactly what LINE does: HMAC-SHA256 of the raw body bytes with the channel secret, base64. */
export const sign = (body: string | Buffer, secret = SECRET) => createHmac('sha256', secret).update(body).digest('base64');

export type BotContext = TestContext & { standIn: LineApiStandIn };

/** The real app with LINE credentials, its SDK client pointed at the local LINE API stand-in. `env` adds or overrides settings (`LIFF_ID: ''` for none). */
export async function startBot(opts: { now?: string; env?: Record<string, string>; onQuery?: (sql: string) => void } = {}): Promise<BotContext> {
  const standIn = await startLineApiStandIn({ accessToken: TOKEN });
  const t = await createTestContext({ env: { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: standIn.url, LIFF_ID: '2000000000-abcdEFGH', LINE_LOGIN_CHANNEL_ID: '2000000000', ...opts.env }, now: opts.now, onQuery: opts.onQuery });
  return { ...t, standIn, close: async () => { await t.close(); await standIn.close(); } };
}

export const uid = (n: number) => `U${n.toString(16).padStart(32, '0')}`;
export const gid = (n: number) => `C${n.toString(16).padStart(32, '0')}`;

type Src = { userId: string; groupId?: string };
const source = (s: Src) => (s.groupId ? { type: 'group', groupId: s.groupId, userId: s.userId } : { type: 'user', userId: s.userId });

export function event(t: BotContext, s: Src, type: string, extra: Record<string, unknown> = {}) {
  return {
    type,
    mode: 'active',
    timestamp: t.clock.now().getTime(),
    source: source(s),
    webhookEventId: `01H${randomUUID().replace(/-/g, '').slice(0, 23).toUpperCase()}`,
    deliveryContext: { isRedelivery: false },
    replyToken: randomUUID().replace(/-/g, ''),
    ...extra,
  };
}

export const textEvent = (t: BotContext, s: Src, text: string, extra: Record<string, unknown> = {}) =>
  event(t, s, 'message', { message: { type: 'text', id: String(Math.floor(Math.random() * 1e12)), quoteToken: 'q', text }, ...extra });

export const postbackEvent = (t: BotContext, s: Src, data: string) => event(t, s, 'postback', { postback: { data } });

/** POSTs a raw body string, signed unless a signature (or null for none) is given. */
export function post(t: BotContext, body: string, signature: string | null = sign(body)) {
  return t.app.inject({
    method: 'POST',
    url: '/webhook',
    payload: body,
    headers: { 'content-type': 'application/json; charset=utf-8', ...(signature === null ? {} : { 'x-line-signature': signature }) },
  });
}

/** Sends events through the signed webhook and processes the inbox; returns the LINE requests they caused. */
export async function deliver(t: BotContext, ...events: object[]) {
  const before = t.standIn.requests.length;
  const res = await post(t, JSON.stringify({ destination: 'Ubot', events }));
  if (res.statusCode !== 200) throw new Error(`webhook answered ${res.statusCode}: ${res.body}`);
  await t.container.lineBot.worker.processPending();
  return t.standIn.requests.slice(before).filter((r) => /message\/(reply|push)$/.test(r.path));
}

/** Every text in a set of sent messages (flex bubbles flattened), for assertions. */
export function textsOf(requests: Array<{ body: any }>): string {
  const out: string[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    if (typeof n.text === 'string') out.push(n.text);
    if (typeof n.altText === 'string') out.push(n.altText);
    if (n.action?.label) out.push(`[${n.action.label}]`);
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  for (const r of requests) walk(r.body?.messages);
  return out.join('\n');
}

/** Every postback/uri action in sent messages (buttons and quick replies). */
export function actionsOf(requests: Array<{ body: any }>): Array<{ type: string; label?: string; data?: string; uri?: string }> {
  const out: any[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    if (n.action && typeof n.action === 'object' && n.action.type) out.push(n.action);
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  for (const r of requests) walk(r.body?.messages);
  return out;
}

export const PREPARER = uid(1);
export const PREPARER_B = uid(2);
export const SUPERVISOR = uid(3);
export const CERTIFIER = uid(4);

/**
 * A provincial office on 2568 with two units. "Today" in tests is 15 Jan 2025 (2568), so O1 is
 * overdue. O3 is submitted (awaiting the supervisor); O12 is assigned to both units.
 */
export function seedPhatthalung(t: BotContext, slug = 'pt') {
  return seedOrg(t.container, {
    slug,
    units: ['กลุ่มงานยุทธศาสตร์', 'กลุ่มงานอำนวยการ'],
    officers: [
      { name: 'นางสาวสมศรี ใจดี', unit: 'กลุ่มงานยุทธศาสตร์', lineUserId: slug === 'pt' ? PREPARER : undefined, position: 'นวค.' },
      { name: 'นายสมชาย ขยัน', unit: 'กลุ่มงานอำนวยการ', lineUserId: slug === 'pt' ? PREPARER_B : undefined },
      { name: 'นายผู้กำกับ ติดตาม', lineUserId: slug === 'pt' ? SUPERVISOR : undefined, position: 'ผอ.' },
      { name: 'นางผู้รับรอง ข้อมูล', lineUserId: slug === 'pt' ? CERTIFIER : undefined },
      { name: 'นายยังไม่ ผูกบัญชี' },
    ],
    assignments: [
      { item: 1, unit: 'กลุ่มงานยุทธศาสตร์', due: '2025-01-10', people: [['นางสาวสมศรี ใจดี', 'preparer'], ['นายผู้กำกับ ติดตาม', 'supervisor']] },
      { item: 2, unit: 'กลุ่มงานยุทธศาสตร์', due: '2025-02-28', people: [['นางสาวสมศรี ใจดี', 'preparer'], ['นายผู้กำกับ ติดตาม', 'supervisor']] },
      { item: 3, unit: 'กลุ่มงานอำนวยการ', due: '2025-01-31', status: 'submitted', people: [['นายสมชาย ขยัน', 'preparer'], ['นายผู้กำกับ ติดตาม', 'supervisor'], ['นางผู้รับรอง ข้อมูล', 'certifier']] },
      { item: 4, unit: 'กลุ่มงานอำนวยการ', due: '2025-03-31', status: 'approved', people: [['นายสมชาย ขยัน', 'preparer']] },
      { item: 12, unit: 'กลุ่มงานยุทธศาสตร์', due: '2025-03-31', people: [['นางสาวสมศรี ใจดี', 'preparer'], ['นางผู้รับรอง ข้อมูล', 'certifier']] },
      { item: 12, unit: 'กลุ่มงานอำนวยการ', due: '2025-03-31', status: 'in_progress', people: [['นายสมชาย ขยัน', 'preparer']] },
    ],
  });
}
