/**
 * npm run bench:liff — prints (asserts nothing):
 *  1. the page's own JavaScript and everything a page load fetches, gzipped, with the LIFF SDK's
 *     share apart (budgets: own JS ≤ 30 KB, everything ≤ 120 KB);
 *  2. "my items" with 40 items: navigation start → list painted, median in headless Chromium on
 *     localhost (target < 500 ms);
 *  3. GET /api/liff/v1/items p95 with bench:core's ~300,000-assignment national data set loaded
 *     on a real PostgreSQL (target < 20 ms).
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createContainer, prepareDatabase } from '../src/container.ts';
import { openDatabase, rowsOf } from '../src/db/client.ts';
import { systemClock } from '../src/shared/clock.ts';
import { buildLiff, liffIsStale } from '../scripts/liff-build.ts';
import { chromiumPath, launchBrowser } from '../test/browser/support.ts';
import { assetSizes, kb } from './support/liff-assets.ts';
import { seedListAgency } from './support/liff-seed.ts';
import { loadNationalScale } from './support/national.ts';
import { benchPostgres, percentiles } from './support/pg.ts';

if (!chromiumPath()) throw new Error('bench:liff needs Chromium (apt-get install chromium)');
if (liffIsStale()) buildLiff();
const dist = new URL('../liff/dist/', import.meta.url).pathname;
const pg = await benchPostgres(55498);
const database = await openDatabase({ url: pg.url, poolMax: 10 });
const config = loadConfig({ LOG_LEVEL: 'silent' }); // offline: `dev:<LINE user id>` from loopback stands in for ID tokens
const c = createContainer({ config, database, clock: systemClock, log: () => {} });
const app = await buildApp(c);
try {
  await prepareDatabase(c);
  const t0 = performance.now();
  const loaded = await loadNationalScale(database.db, { orgs: 8_300, itemsPerOrg: 36, year: 2568 });
  console.log(`bench:liff on PostgreSQL: ${loaded.assignments.toLocaleString()} assignments for ${loaded.orgs.toLocaleString()} organizations loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const lister = await seedListAgency(database.db, 40);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });

  // 3. The API under the national data set: one officer after another, sequential requests.
  const preparers = rowsOf<{ line_user_id: string }>(await database.db.execute(sql`
    select o.line_user_id from officers o join assignment_people ap on ap.officer_id = o.id and ap.role = 'preparer'
    where o.line_user_id is not null group by o.line_user_id order by md5(o.line_user_id) limit 400`));
  const apiMs: number[] = [];
  let listed = 0;
  for (let i = 0; i < 20; i++) await getItems(base, preparers[i % preparers.length]!.line_user_id); // warm-up
  for (const p of preparers) {
    const s = performance.now();
    listed += (await getItems(base, p.line_user_id)).length;
    apiMs.push(performance.now() - s);
  }

  // 1 + 2. The page, in headless Chromium at 390×844: navigation → 40 cards painted.
  const browser = await launchBrowser();
  const runs = 21;
  const paintMs: number[] = [];
  let fetched: string[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'th-TH' });
      const page = await ctx.newPage();
      const urls: string[] = [];
      page.on('requestfinished', (r) => { if (new URL(r.url()).pathname.startsWith('/liff')) urls.push(r.url()); });
      await page.addInitScript(() => {
        // Time from navigation start to the first frame after the list has its 40 cards.
        new MutationObserver((_m, obs) => {
          if (document.querySelectorAll('.cards > .card').length >= 40) {
            obs.disconnect();
            requestAnimationFrame(() => setTimeout(() => ((window as unknown as { __painted: number }).__painted = performance.now())));
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${base}/liff/?mock=1&as=${lister}`);
      await page.waitForFunction(() => (window as unknown as { __painted?: number }).__painted !== undefined, null, { timeout: 10_000 });
      paintMs.push(await page.evaluate(() => (window as unknown as { __painted: number }).__painted));
      if (i === 0) fetched = [...urls];
      await ctx.close();
    }
  } finally {
    await browser.close();
  }

  const assets = assetSizes(dist, fetched).filter((a) => !/^dist-/.test(a.file)); // the mock chunk: offline only
  const sum = (k: (a: (typeof assets)[number]) => boolean) => assets.filter(k).reduce((n, a) => n + a.gzip, 0);
  const own = sum((a) => a.kind === 'page-js');
  const sdk = sum((a) => a.kind === 'sdk-js');
  const all = sum(() => true);
  console.log('\nwhat a page load fetches (gzip -9; fonts as shipped woff2):');
  for (const a of assets) console.log(`  ${a.file.padEnd(44)} ${a.kind.padEnd(8)} ${kb(a.bytes).padStart(9)} → ${kb(a.gzip).padStart(8)}`);
  console.log(`page's own JavaScript: ${kb(own)} gzipped (budget ≤ 30 KB)`);
  console.log(`LIFF SDK (pluggable core + 6 modules): ${kb(sdk)} gzipped`);
  console.log(`everything the page loads: ${kb(all)} gzipped, of which the SDK ${kb(sdk)} (budget ≤ 120 KB)`);
  const pp = percentiles(paintMs);
  const median = [...paintMs].sort((a, b) => a - b)[Math.floor(paintMs.length / 2)]!;
  console.log(`"my items" with 40 items, navigation → list painted: median ${median.toFixed(0)} ms, p95 ${pp.p95.toFixed(0)} ms (n=${runs}, headless Chromium, localhost; target median < 500 ms)`);
  const ap = percentiles(apiMs);
  console.log(`GET /api/liff/v1/items (pending) over HTTP: p50 ${ap.p50.toFixed(2)} ms, p95 ${ap.p95.toFixed(2)} ms, p99 ${ap.p99.toFixed(2)} ms (n=${ap.n}, ${listed} entries listed; target p95 < 20 ms)`);
} finally {
  await app.close();
  await database.close();
  await pg.stop();
}

async function getItems(base: string, lineUserId: string): Promise<unknown[]> {
  const res = await fetch(`${base}/api/liff/v1/items?filter=pending`, { headers: { authorization: `Bearer dev:${lineUserId}`, 'accept-language': 'th' } });
  if (res.status !== 200) throw new Error(`GET /items answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { items: unknown[] }).items;
}
