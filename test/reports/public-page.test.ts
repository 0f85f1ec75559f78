import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema.ts';
import { cliActor } from '../../src/modules/auth/actor.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedReportOrg } from './fixtures.ts';

let t: TestContext;
let orgId: number;
let token: string;
beforeAll(async () => {
  t = await createTestContext({ now: '2025-02-10T03:00:00Z' });
  orgId = (await seedReportOrg(t.container)).org.id;
  token = (await t.container.auth.createToken(orgId)).token;
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const publish = (published: boolean, year = 2568) =>
  t.app.inject({ method: 'POST', url: '/api/v1/public-page', headers: { authorization: `Bearer ${token}` }, payload: { year, published } });

describe('the public ITA page', () => {
  it('is off by default: 404 in Thai, the same as for an organization that does not exist', async () => {
    const off = await get('/public/rpt/2568');
    expect(off.statusCode).toBe(404);
    expect(off.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(off.body).toContain('ไม่พบหน้านี้');
    expect((await get('/public/nobody/2568')).body).toBe(off.body);
    expect((await get('/public/rpt/abc')).statusCode).toBe(404);
  });

  it('once published (audited) lists every item under its sub-indicator with approved links only', async () => {
    expect((await publish(true)).json()).toEqual({ changed: true });
    expect((await publish(true)).json()).toEqual({ changed: false });
    const r = await get('/public/rpt/2568');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    const html = r.body;
    expect(html).toContain('<h1>การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. 2568</h1>');
    expect(html).toContain('ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน');
    expect(html.match(/<li>/g)).toHaveLength(28);
    // Approved evidence of every unit, labels escaped; the draft link of the unit still working on O2 is not there.
    expect(html).toContain('<a href="https://www.rpt.go.th/structure" rel="noopener noreferrer">=1+1 แผนผังโครงสร้าง</a>');
    expect(html).toContain('href="https://www.rpt.go.th/units/finance-chart"');
    expect(html).toContain('href="https://www.rpt.go.th/executives"');
    expect(html).toContain('>=HYPERLINK(&#34;https://evil.example&#34;,&#34;click&#34;)</a>');
    expect(html).not.toContain('finance-draft');
    expect(html).not.toContain('https://www.rpt.go.th/news'); // O5 is only submitted
    expect(html).toContain('ไม่มี เนื่องจากหน่วยงานไม่มีแผนการจัดซื้อจัดจ้างในปีนี้');
    // Nothing else of the organization: no units, people, statuses or comments.
    for (const secret of ['กลุ่มงานยุทธศาสตร์', 'นางสาวทดสอบ', 'ส่งตรวจแล้ว', 'ลิงก์เปิดไม่ได้']) expect(html).not.toContain(secret);
    // One self-contained file: fonts inline, no script, nothing fetched from elsewhere.
    expect(html).toContain('src: url(data:font/woff2;base64,');
    expect(html).not.toMatch(/<script|<link |src="http|url\(http/);
    const audits = await t.container.database.db.select().from(auditLog).where(eq(auditLog.action, 'page.publish'));
    expect(audits).toHaveLength(1);
  });

  it('exports the same page as one file, and 404s again when unpublished', async () => {
    const file = await t.container.publicPage.exportHtml(cliActor(orgId), 2568);
    expect(file).toBe((await get('/public/rpt/2568')).body);
    await publish(false);
    expect((await get('/public/rpt/2568')).statusCode).toBe(404);
    expect((await publish(true, 2567)).statusCode).toBe(404);
  });
});
