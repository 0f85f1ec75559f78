import type { CDPSession, Page } from 'playwright-core';

/**
 * Where one page load's time went, from the browser's own timeline (all in ms from navigation
 * start): Navigation/Resource Timing for the HTML, scripts, style sheet, fonts and API calls, the
 * page's User Timing marks (liff/src/main.tsx and session.ts: `ita:*`), the moment the 40th card
 * was in the DOM and the frame after it, and CDP Performance.getMetrics for the main thread's
 * script / style / layout time.
 */
export type Phases = Record<string, number>;

/** Call before page.goto: the observer that stamps "cards in the DOM" and "painted". */
export async function watchList(page: Page, count: number): Promise<CDPSession> {
  await page.addInitScript((n: number) => {
    const w = window as unknown as { __cards?: number; __painted?: number; __paintedP?: Promise<number> };
    let painted: (at: number) => void = () => {};
    w.__paintedP = new Promise((resolve) => (painted = resolve));
    new MutationObserver((_m, obs) => {
      if (document.querySelectorAll('.cards > .card').length >= n) {
        obs.disconnect();
        w.__cards = performance.now();
        // The first frame after the cards are in: rAF runs before that frame's paint, the task
        // queued from it runs after it.
        requestAnimationFrame(() => setTimeout(() => painted((w.__painted = performance.now()))));
      }
    }).observe(document, { childList: true, subtree: true });
  }, count);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

export async function phasesOf(page: Page, cdp: CDPSession): Promise<Phases> {
  // Waited for in the page's own world over CDP, not with page.waitForFunction: that compiles and
  // runs Playwright's injected script in the page (~20–50 ms of main thread, seen in traces as an
  // EvaluateScript with no URL) right after the load event, while the list is being rendered:
  // the harness's cost, not the page's. Playwright's evaluate below runs once the list is painted.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    cdp.send('Runtime.evaluate', { expression: 'window.__paintedP', awaitPromise: true }),
    new Promise((_r, reject) => (timer = setTimeout(() => reject(new Error('the list was not painted within 10 s')), 10_000))),
  ]).finally(() => clearTimeout(timer));
  const p = await page.evaluate(() => {
    const w = window as unknown as { __cards: number; __painted: number };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const mark = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? NaN;
    const pick = (re: RegExp) => res.filter((r) => re.test(new URL(r.name).pathname));
    const span = (rs: PerformanceResourceTiming[]) => ({
      start: Math.min(...rs.map((r) => r.startTime)),
      end: Math.max(...rs.map((r) => r.responseEnd)),
    });
    const js = span(pick(/\.js$/).filter((r) => !/\/liff-mock-/.test(r.name)));
    const mock = pick(/\/liff-mock-[^/]*\.js$/)[0];
    const css = span(pick(/\.css$/));
    const fonts = pick(/\.woff2?$/);
    const items = pick(/\/api\/liff\/v1\/items$/)[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    return {
      'html received': nav.responseEnd,
      'scripts fetched (last)': js.end,
      'css fetched': css.end,
      'DOMContentLoaded': nav.domContentLoadedEventEnd,
      'main module running': mark('ita:main'),
      'liff.init start': mark('ita:liff-init'),
      'mock chunk fetched': mock?.responseEnd ?? NaN,
      'liff.init resolved': mark('ita:liff-ready'),
      'app rendered (1st)': mark('ita:app'),
      // My items asks for the list with /me in one request (include=me).
      '/items start': items?.startTime ?? NaN,
      '/items end': items?.responseEnd ?? NaN,
      'fonts fetched': fonts.length ? Math.max(...fonts.map((f) => f.responseEnd)) : NaN,
      'fonts requested': fonts.length ? Math.min(...fonts.map((f) => f.startTime)) : NaN,
      'first contentful paint': fcp,
      '40 cards in DOM': w.__cards,
      'painted': w.__painted,
    };
  });
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = (name: string) => (metrics.find((x) => x.name === name)?.value ?? NaN) * 1000;
  return { ...p, 'main thread: script (ms)': m('ScriptDuration'), 'main thread: style+layout (ms)': m('RecalcStyleDuration') + m('LayoutDuration'), 'main thread: tasks (ms)': m('TaskDuration') };
}

/** Median of each phase over the runs, printed in timeline order. */
export function printPhases(runs: Phases[]): void {
  console.log('where the time goes (median over the runs, ms from navigation start unless noted):');
  for (const key of Object.keys(runs[0] ?? {})) {
    const v = runs.map((r) => r[key]!).filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
    const med = v.length ? v[Math.floor(v.length / 2)]!.toFixed(0) : '—';
    console.log(`  ${key.padEnd(32)} ${med.padStart(6)}`);
  }
}
