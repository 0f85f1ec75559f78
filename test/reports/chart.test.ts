import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/modules/auth/actor.ts';
import { decomposeSaraAm, svgToPng } from '../../src/modules/reports/chart.render.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedReportOrg } from './fixtures.ts';

const REFERENCE = new URL('./fixtures/chart-rpt.png', import.meta.url);

let t: TestContext;
let orgId: number;
beforeAll(async () => {
  t = await createTestContext({ now: '2025-02-10T03:00:00Z' });
  orgId = (await seedReportOrg(t.container)).org.id;
});
afterAll(() => t.close());

/** Share of pixels whose colour differs by more than `threshold` in some channel (sizes must match). */
function differing(a: Buffer, b: Buffer, threshold = 48): number {
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  expect([x.width, x.height]).toEqual([y.width, y.height]);
  let n = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    if (Math.max(...[0, 1, 2].map((c) => Math.abs(x.data[i + c]! - y.data[i + c]!))) > threshold) n++;
  }
  return n / (x.width * x.height);
}

describe('the progress chart', () => {
  it('matches the reference picture (Thai labels in the shipped Sarabun font), within antialiasing', async () => {
    const png = (await t.container.reports.chart(cliActor(orgId), 2568, 'png')).bytes;
    // Regenerate after an intended change with UPDATE_REFERENCE=1, then look at the picture.
    if (process.env.UPDATE_REFERENCE || !existsSync(REFERENCE)) writeFileSync(REFERENCE, png);
    expect(differing(png, readFileSync(REFERENCE))).toBeLessThan(0.003);
  });

  it('would not match if the Thai glyphs were missing (tofu), so the comparison can fail', async () => {
    const svg = (await t.container.reports.chart(cliActor(orgId), 2568, 'svg')).bytes.toString('utf8').replace(/<style>.*?<\/style>/, '');
    const noThaiFont = new Resvg(decomposeSaraAm(svg), { font: { loadSystemFonts: false, fontFiles: [] }, background: '#ffffff' }).render().asPng();
    expect(differing(noThaiFont, readFileSync(REFERENCE))).toBeGreaterThan(0.01);
  });

  it('draws SARA AM (ำ) as its two parts, as a browser does', async () => {
    expect(decomposeSaraAm('น้ำ ดำเนินการ')).toBe('น\u0E4D\u0E49\u0E32 ด\u0E4D\u0E32เนินการ');
    const svg = (s: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60" font-family="Sarabun"><text x="5" y="45" font-size="36">${s}</text></svg>`;
    const composed = await svgToPng(svg('ดำเนินการ น้ำ'));
    expect(differing(composed, await svgToPng(svg('ด\u0E4D\u0E32เนินการ น\u0E4D\u0E49\u0E32')), 0)).toBe(0);
  });

  it('is served to admins as PNG and as SVG carrying its font, and refused without a token', async () => {
    const { token } = await t.container.auth.createToken(orgId);
    const png = await t.app.inject({ method: 'GET', url: '/api/v1/exports/chart?year=2568', headers: { authorization: `Bearer ${token}` } });
    expect(png.headers['content-type']).toBe('image/png');
    expect([...png.rawPayload.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const svg = await t.app.inject({ method: 'GET', url: '/api/v1/exports/chart?year=2568&format=svg', headers: { authorization: `Bearer ${token}` } });
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.body).toContain('@font-face{font-family:Sarabun;src:url(data:font/ttf;base64,');
    expect(svg.body).toContain('ความคืบหน้า ITA (OIT) ปี 2568 · Org rpt');
    expect(svg.body).toContain('ข้อมูล ณ 10 กุมภาพันธ์ 2568');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/exports/chart?year=2568' })).statusCode).toBe(401);
  });
});
