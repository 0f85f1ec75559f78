import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineInbox } from '../../src/db/schema.ts';
import { createGroupCode, createLinkCode } from '../../src/modules/line/linking/linking.cli.ts';
import { REDACTED } from '../../src/modules/line/chat/chat.events.ts';
import { deliver, gid, PREPARER, seedPhatthalung, startBot, textEvent, textsOf, uid, type BotContext } from '../line/helpers.ts';

/**
 * Issue 10.9: one-time link and group codes are not kept in line_inbox once handled, and handled
 * events (people's messages) are deleted after INBOX_RETENTION_DAYS.
 */
let t: BotContext;
const stored = async (id: string) => (await t.container.database.db.select().from(lineInbox).where(eq(lineInbox.webhookEventId, id)))[0];
const textOf = (row: { event: unknown } | undefined) => (row?.event as { message?: { text?: string } } | undefined)?.message?.text;

beforeAll(async () => {
  t = await startBot({ env: { INBOX_RETENTION_DAYS: '30' } });
  await seedPhatthalung(t);
});
afterAll(() => t.close());

describe('one-time codes in the inbox', () => {
  it('redacts a link code once the event is handled, whether the code worked or not', async () => {
    const { code } = await createLinkCode(t.container, { orgSlug: 'pt', officerName: 'นาย ยังไม่  ผูกบัญชี' });
    const typed = code.toLowerCase().replace('-', ' ');
    const good = textEvent(t, { userId: uid(501) }, `ผูกบัญชี ${typed}`);
    const wrong = textEvent(t, { userId: uid(502) }, 'ผูกบัญชี ZZZZ-ZZZZ');
    expect(textsOf(await deliver(t, good))).toContain('ผูกบัญชีเรียบร้อย');
    await deliver(t, wrong);
    expect(textOf(await stored(good.webhookEventId))).toBe(`ผูกบัญชี ${REDACTED}`);
    expect(textOf(await stored(wrong.webhookEventId))).toBe(`ผูกบัญชี ${REDACTED}`);
    expect(JSON.stringify((await stored(good.webhookEventId))!.event)).not.toContain(typed);
  });

  it('redacts a group code, and leaves other messages as they were', async () => {
    const { code } = await createGroupCode(t.container, { orgSlug: 'pt' });
    const register = textEvent(t, { userId: uid(503), groupId: gid(50) }, `ลงทะเบียน ${code}`);
    const other = textEvent(t, { userId: PREPARER }, 'งานของฉัน');
    await deliver(t, register, other);
    expect(textOf(await stored(register.webhookEventId))).toBe(`ลงทะเบียน ${REDACTED}`);
    expect(textOf(await stored(other.webhookEventId))).toBe('งานของฉัน');
  });
});

describe('inbox retention', () => {
  it('deletes handled events older than INBOX_RETENTION_DAYS and keeps newer ones', async () => {
    const old = textEvent(t, { userId: PREPARER }, 'ช่วยเหลือ');
    await deliver(t, old);
    t.clock.advance(29 * 86_400_000);
    const recent = textEvent(t, { userId: PREPARER }, 'ช่วยเหลือ');
    await deliver(t, recent);
    expect(await t.container.lineBot.worker.purge()).toBe(0);
    t.clock.advance(2 * 86_400_000);
    expect(await t.container.lineBot.worker.purge()).toBeGreaterThanOrEqual(1);
    expect(await stored(old.webhookEventId)).toBeUndefined();
    expect(await stored(recent.webhookEventId)).toBeDefined();
  });
});
