import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/modules/auth/actor.ts';
import { buildLinkSheet, oaMessageUrl } from '../../src/modules/line/linking/link-sheet.ts';
import { BOT_BASIC_ID } from '../fakes/line-api.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { deliver, seedPhatthalung, startBot, textEvent, textsOf, uid, type BotContext } from './helpers.ts';

/** The cards of a sheet: code, name, and whether each has its own QR <svg>. */
function cardsOf(html: string) {
  return [...html.matchAll(/<section class="card" data-code="([A-Z2-9-]+)">([\s\S]*?)<\/section>/g)].map((m) => ({
    code: m[1]!,
    name: /<div class="name">([^<]+)<\/div>/.exec(m[2]!)?.[1],
    svgs: (m[2]!.match(/<svg[\s>]/g) ?? []).length,
    qrUrl: /aria-label="QR: ([^"]+)"/.exec(m[2]!)?.[1]?.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))),
    body: m[2]!,
  }));
}

const sheetDeps = (t: TestContext, botBasicId?: string) => ({ officers: t.container.officers, linking: t.container.lineBot.linking, line: t.container.line, botBasicId });
const actorOf = async (t: TestContext, slug = 'pt') => cliActor((await t.container.orgs.bySlug(slug)).id);

describe('a printable sheet of link codes (link-codes)', () => {
  let t: BotContext;
  beforeAll(async () => {
    t = await startBot();
    await seedPhatthalung(t);
  });
  afterAll(() => t.close());

  it('has one card per active officer, each with its own code and a QR that opens the bot (basic ID from getBotInfo)', async () => {
    const sheet = await buildLinkSheet(sheetDeps(t), await actorOf(t), { orgName: 'สสจ.พัทลุง' });
    if (process.env.LINK_SHEET_OUT) writeFileSync(process.env.LINK_SHEET_OUT, sheet.html);
    expect(sheet.basicId).toBe(BOT_BASIC_ID);
    expect(t.standIn.requests.some((r) => r.path === '/v2/bot/info')).toBe(true);
    const cards = cardsOf(sheet.html);
    expect(cards.map((c) => c.name).sort()).toEqual(['นางผู้รับรอง ข้อมูล', 'นางสาวสมศรี ใจดี', 'นายผู้กำกับ ติดตาม', 'นายยังไม่ ผูกบัญชี', 'นายสมชาย ขยัน'].sort());
    expect(new Set(cards.map((c) => c.code)).size).toBe(5);
    for (const c of cards) {
      expect(c.svgs).toBe(1);
      expect(c.qrUrl).toBe(`https://line.me/R/oaMessage/%40123abcde/?${encodeURIComponent(`ผูกบัญชี ${c.code}`)}`);
      expect(c.body).toContain(`ผูกบัญชี ${c.code}`);
      expect(c.body).toMatch(/ใช้ได้ถึง 22 ม\.ค\. 68/); // 7 days from 15 Jan 2025, in พ.ศ.
    }
    // The Thai font travels inside the file; print layout is A4.
    expect(sheet.html).toMatch(/@font-face \{[^}]*font-family: 'Sarabun'[^}]*data:font\/woff2;base64,/);
    expect(sheet.html).toContain('@page { size: A4;');
  });

  it('each printed code links its own officer when sent as the QR types it', async () => {
    const sheet = await buildLinkSheet(sheetDeps(t), await actorOf(t), { orgName: 'สสจ.พัทลุง', unlinked: true });
    const cards = cardsOf(sheet.html);
    expect(cards.map((c) => c.name)).toEqual(['นายยังไม่ ผูกบัญชี']);
    const text = decodeURIComponent(new URL(cards[0]!.qrUrl!).search.slice(1));
    const sent = await deliver(t, textEvent(t, { userId: uid(700) }, text));
    expect(textsOf(sent)).toContain('ผูกบัญชีเรียบร้อย: นายยังไม่ ผูกบัญชี');
    const after = await buildLinkSheet(sheetDeps(t), await actorOf(t), { orgName: 'สสจ.พัทลุง', unlinked: true });
    expect(cardsOf(after.html)).toEqual([]);
  });

  it('a new sheet voids the codes of the previous one', async () => {
    const first = cardsOf((await buildLinkSheet(sheetDeps(t), await actorOf(t), { orgName: 'x' })).html);
    await buildLinkSheet(sheetDeps(t), await actorOf(t), { orgName: 'x' });
    const old = first.find((c) => c.name === 'นายสมชาย ขยัน')!;
    const sent = await deliver(t, textEvent(t, { userId: uid(701) }, `ผูกบัญชี ${old.code}`));
    expect(textsOf(sent)).toContain('รหัสไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว');
  });

  it('the setting LINE_BOT_BASIC_ID wins over getBotInfo', async () => {
    const sheet = await buildLinkSheet(sheetDeps(t, '@ita.office'), await actorOf(t), { orgName: 'x', unlinked: false });
    expect(cardsOf(sheet.html)[0]!.qrUrl).toMatch(/^https:\/\/line\.me\/R\/oaMessage\/%40ita\.office\/\?%E0%B8%9C/);
  });
});

describe('the sheet offline', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    await seedPhatthalung(t as BotContext);
  });
  afterAll(() => t.close());

  it('without the basic ID it prints the codes, no QR, and says which setting is missing', async () => {
    const sheet = await buildLinkSheet(sheetDeps(t), await actorOf(t), { orgName: 'x' });
    expect(sheet.basicId).toBeNull();
    const cards = cardsOf(sheet.html);
    expect(cards).toHaveLength(5);
    expect(cards.every((c) => c.svgs === 0)).toBe(true);
    expect(sheet.html).toContain('ยังไม่ได้ตั้งค่า LINE_BOT_BASIC_ID');
  });

  it('with LINE_BOT_BASIC_ID set it has the QR codes offline too', async () => {
    const sheet = await buildLinkSheet(sheetDeps(t, '@123abcde'), await actorOf(t), { orgName: 'x' });
    expect(cardsOf(sheet.html).every((c) => c.svgs === 1)).toBe(true);
    expect(sheet.html).not.toContain('ยังไม่ได้ตั้งค่า LINE_BOT_BASIC_ID');
  });
});

describe('oaMessageUrl', () => {
  it('percent-encodes the @ of the ID and the Thai text', () => {
    expect(oaMessageUrl('@abc', 'ผูกบัญชี AB')).toBe('https://line.me/R/oaMessage/%40abc/?%E0%B8%9C%E0%B8%B9%E0%B8%81%E0%B8%9A%E0%B8%B1%E0%B8%8D%E0%B8%8A%E0%B8%B5%20AB');
  });
});
