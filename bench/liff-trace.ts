/**
 * One page load of "my items" (40 items) with Chromium's tracing on: prints the renderer main
 * thread's longest tasks and what ran in them, with the timeline marks, to see where the time
 * between navigation and the list's paint goes. A diagnosis aid next to bench:liff (PGlite).
 * Usage: sh scripts/node.sh bench/liff-trace.ts
 */
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createContainer, prepareDatabase } from '../src/container.ts';
import { openDatabase } from '../src/db/client.ts';
import { systemClock } from '../src/shared/clock.ts';
import { buildLiff, liffIsStale } from '../scripts/liff-build.ts';
import { launchBrowser } from '../test/browser/support.ts';
import { phasesOf, printPhases, watchList } from './support/liff-timeline.ts';
import { seedListAgency } from './support/liff-seed.ts';

if (liffIsStale()) buildLiff();
const database = await openDatabase({ inMemory: true });
const c = createContainer({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, clock: systemClock, log: () => {} });
const app = await buildApp(c);
await prepareDatabase(c);
const lister = await seedListAgency(database.db, 40);
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const browser = await launchBrowser();
try {
  for (let i = 0; i < 2; i++) { // the first load warms the server (and Chromium's own start)
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'th-TH' });
    const page = await ctx.newPage();
    const cdp = await watchList(page, 40);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    await page.goto(`${base}/liff/?mock=1&as=${lister}`);
    const p = await phasesOf(page, cdp);
    await cdp.send('Tracing.end');
    await done;
    if (i === 0) { await ctx.close(); continue; }
    printPhases([p]);
    console.log('resources (ms from navigation: start, connection/request sent, first byte, end):');
    const rs = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .map((r) => [new URL(r.name).pathname.split('/').pop(), r.startTime, r.connectStart, r.requestStart, r.responseStart, r.responseEnd] as const));
    for (const [name, ...t] of rs) console.log(`  ${String(name).padEnd(44)} ${t.map((x) => x.toFixed(0).padStart(6)).join('')}`);
    const navStart = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStart')?.ts ?? 0;
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'ita:main'));
    const tasks = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === 'X' && (e.dur ?? 0) > 3000 && e.ts >= navStart);
    console.log('renderer main thread, slices > 3 ms (start ms from navigation, duration ms):');
    for (const t of tasks) {
      const detail = t.args?.data?.url ?? t.args?.data?.functionName ?? t.args?.data?.type ?? '';
      console.log(`  ${((t.ts - navStart) / 1000).toFixed(0).padStart(5)} ${((t.dur ?? 0) / 1000).toFixed(1).padStart(6)}  ${t.name} ${String(detail).slice(0, 80)}`);
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  await app.close();
  await database.close();
}

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: { url?: string; functionName?: string; type?: string } } };
