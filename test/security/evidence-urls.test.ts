import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evidenceLinks } from '../../src/db/schema.ts';
import { actionsOf, deliver, PREPARER, seedPhatthalung, startBot, SUPERVISOR, textEvent, textsOf, type BotContext } from '../line/helpers.ts';

/** Issue 10, item 5: evidence URLs by chat, and the item's views staying deliverable whatever was stored. */
let t: BotContext;
let ids: number[];
const evidenceOf = async (id: number) => t.container.database.db.select().from(evidenceLinks).where(eq(evidenceLinks.assignmentId, id));

beforeAll(async () => {
  t = await startBot();
  ids = (await seedPhatthalung(t)).assignmentIds;
});
afterAll(async () => t.close());
beforeEach(() => t.standIn.reset());

describe('evidence typed in the chat', () => {
  it('a URL with a space is refused with a message, not cut at the space', async () => {
    const sent = await deliver(t, textEvent(t, { userId: PREPARER }, 'ลิงก์ O1 https://pt.go.th/ita/a b'));
    expect(textsOf(sent)).toContain('มีช่องว่างอยู่ในลิงก์');
    expect(await evidenceOf(ids[0]!)).toHaveLength(0);
  });

  it('a Thai description on the same line, or any description on the next line, is still a description', async () => {
    await deliver(t, textEvent(t, { userId: PREPARER }, 'ลิงก์ O1 https://pt.go.th/ita/o1 หน้าแรก ด้านล่างสุด'));
    await deliver(t, textEvent(t, { userId: PREPARER }, 'ลิงก์ O1 https://pt.go.th/ita/o1-org\nOrganization chart (PDF)'));
    expect((await evidenceOf(ids[0]!)).map((e) => [e.url, e.label])).toEqual([
      ['https://pt.go.th/ita/o1', 'หน้าแรก ด้านล่างสุด'],
      ['https://pt.go.th/ita/o1-org', 'Organization chart (PDF)'],
    ]);
  });

  it('internal addresses are refused however they are written', async () => {
    for (const url of ['http://localhost:8080/x', 'http://0x7f.0.0.1/x', 'http://[::1]/x', 'http://169.254.169.254/latest/meta-data', 'http://10.1.2.3/x']) {
      expect(textsOf(await deliver(t, textEvent(t, { userId: PREPARER }, `ลิงก์ O2 ${url}`)))).toContain('เว็บไซต์สาธารณะ');
    }
    expect(await evidenceOf(ids[1]!)).toHaveLength(0);
  });

  it('the length limit counts the URL as stored: Thai text percent-encoded', async () => {
    const long = `https://pt.go.th/${'ข่าวประชาสัมพันธ์'.repeat(16)}`;
    expect(long.length).toBeLessThan(2048);
    expect(textsOf(await deliver(t, textEvent(t, { userId: PREPARER }, `ลิงก์ O2 ${long}`)))).toContain('ยาวเกิน 2048');
    expect(await evidenceOf(ids[1]!)).toHaveLength(0);
  });
});

describe('a stored URL too long for a LINE button never makes the item undeliverable', () => {
  it('the item detail links to the item’s page instead, and LINE accepts the message', async () => {
    const url = `https://pt.go.th/${'a'.repeat(1500)}`;
    expect(textsOf(await deliver(t, textEvent(t, { userId: PREPARER }, `ลิงก์ O2 ${url}`)))).toContain('แนบลิงก์หลักฐาน O2 แล้ว');
    for (const who of [PREPARER, SUPERVISOR]) {
      const sent = await deliver(t, textEvent(t, { userId: who }, 'O2'));
      expect(sent.every((r) => (r as { accepted?: boolean }).accepted)).toBe(true);
      const links = actionsOf(sent).filter((a) => a.type === 'uri').map((a) => a.uri!);
      expect(links.length).toBeGreaterThan(0);
      expect(links.every((u) => u.length <= 1000)).toBe(true);
      expect(links).toContain(`https://liff.line.me/2000000000-abcdEFGH/items/${ids[1]}`);
    }
  });
});
