import type { InjectOptions } from 'fastify';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';
import { startLineApiStandIn, type LineApiStandIn } from '../fakes/line-api.ts';
import { uid } from '../line/helpers.ts';

export const CHANNEL_ID = '2000000001';
export const LIFF_ID = '2000000001-liffTest';

export const PREPARER = uid(101);
export const SUPERVISOR = uid(102);
export const CERTIFIER = uid(103);
export const ADMIN = uid(104);
export const OTHER_ORG = uid(105);
export const UNLINKED = uid(199);

export type LiffContext = TestContext & { standIn: LineApiStandIn; ids: number[]; otherIds: number[]; token(lineUserId: string, ttlSeconds?: number): string };

/**
 * The real app online (LINE credentials, LIFF_ID, LINE_LOGIN_CHANNEL_ID) against the local LINE
 * stand-in, whose clock is the test's, with two organizations seeded: "pt" (units A and B) and
 * "other". ids: pt's O1 (A, overdue), O2 (A), O3 (B, someone else prepares), O4 (A, no certifier).
 */
export async function startLiff(opts: { env?: Record<string, string> } = {}): Promise<LiffContext> {
  let clockNow = () => Date.now();
  const standIn = await startLineApiStandIn({ accessToken: 'liff-test-token', now: () => clockNow() });
  const t = await createTestContext({
    env: { LINE_CHANNEL_SECRET: 'b1b2c3d4e5f60718293a4b5c6d7e8f90', LINE_CHANNEL_ACCESS_TOKEN: 'liff-test-token', LINE_API_BASE_URL: standIn.url, LIFF_ID, LINE_LOGIN_CHANNEL_ID: CHANNEL_ID, ...opts.env },
  });
  clockNow = () => t.clock.now().getTime();
  const pt = await seedOrg(t.container, {
    slug: 'pt',
    units: ['กลุ่มงาน ก', 'กลุ่มงาน ข'],
    officers: [
      { name: 'นางสาวผู้จัดทำ ทดสอบ', unit: 'กลุ่มงาน ก', lineUserId: PREPARER, position: 'นักวิเคราะห์นโยบายและแผน' },
      { name: 'นายผู้กำกับ ทดสอบ', lineUserId: SUPERVISOR },
      { name: 'นางผู้รับรอง ทดสอบ', lineUserId: CERTIFIER },
      { name: 'นายแอดมิน ทดสอบ', lineUserId: ADMIN, isAdmin: true },
      { name: 'นายคนอื่น ทดสอบ' },
    ],
    assignments: [
      { item: 1, unit: 'กลุ่มงาน ก', due: '2025-01-10', people: [['นางสาวผู้จัดทำ ทดสอบ', 'preparer'], ['นายผู้กำกับ ทดสอบ', 'supervisor'], ['นางผู้รับรอง ทดสอบ', 'certifier']] },
      { item: 2, unit: 'กลุ่มงาน ก', due: '2025-03-31', people: [['นางสาวผู้จัดทำ ทดสอบ', 'preparer'], ['นายผู้กำกับ ทดสอบ', 'supervisor']] },
      { item: 3, unit: 'กลุ่มงาน ข', due: '2025-03-31', people: [['นายคนอื่น ทดสอบ', 'preparer'], ['นายผู้กำกับ ทดสอบ', 'supervisor']] },
      { item: 4, unit: 'กลุ่มงาน ก', people: [['นางสาวผู้จัดทำ ทดสอบ', 'preparer'], ['นายผู้กำกับ ทดสอบ', 'supervisor']] },
    ],
  });
  const other = await seedOrg(t.container, {
    slug: 'other',
    units: ['กองอื่น'],
    officers: [{ name: 'นายต่างหน่วย ทดสอบ', lineUserId: OTHER_ORG }],
    assignments: [{ item: 1, unit: 'กองอื่น', people: [['นายต่างหน่วย ทดสอบ', 'preparer']] }],
  });
  return {
    ...t,
    standIn,
    ids: pt.assignmentIds,
    otherIds: other.assignmentIds,
    token: (sub, ttlSeconds) => standIn.login.issueIdToken({ sub, aud: CHANNEL_ID, ttlSeconds }),
    close: async () => {
      await t.close();
      await standIn.close();
    },
  };
}

/** A LIFF API request as the page makes it: the ID token as a bearer. */
export function api(t: TestContext, method: InjectOptions['method'], path: string, bearer: string | null, payload?: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method,
    url: `/api/liff/v1${path}`,
    headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}
