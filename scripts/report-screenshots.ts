import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { cliActor } from '../src/modules/auth/actor.ts';
import { loadDemo } from '../src/modules/demo/demo.usecases.ts';
import { createTestContext } from '../test/helpers/context.ts';

/**
 * The README's pictures of the progress chart and the public ITA page, from the demo agency on an
 * in-memory database: `sh scripts/node.sh scripts/report-screenshots.ts` (Debian's chromium).
 */
const out = new URL('../docs/screenshots/', import.meta.url).pathname;
const t = await createTestContext({ now: '2025-02-10T03:00:00Z' });
await loadDemo(t.container);
const actor = cliActor((await t.container.orgRepo.bySlug('demo'))!.id);
writeFileSync(`${out}chart.png`, (await t.container.reports.chart(actor, 2568, 'png')).bytes);
const html = await t.container.publicPage.exportHtml(actor, 2568);
await t.close();
const browser = await chromium.launch({
  executablePath: execFileSync('sh', ['-c', 'command -v chromium']).toString().trim(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
for (const [name, width, height] of [['public-page-390', 390, 844], ['public-page-desktop', 1280, 800]] as const) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.setContent(html);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${out}${name}.png` });
}
await browser.close();
