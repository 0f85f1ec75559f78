import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildLiff, liffIsStale } from '../../scripts/liff-build.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';

/** Screenshots are test artifacts (git-ignored); the best go to docs/screenshots by hand. */
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', '.cache', 'screenshots');

/** Debian's Chromium (never a downloaded browser); CHROMIUM_PATH overrides. */
export function chromiumPath(): string | null {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
    } catch { /* try the next name */ }
  }
  return null;
}

export const haveChromium = chromiumPath() !== null;
if (!haveChromium && process.env.CI) throw new Error('CI needs Chromium for the browser tests (.ci/run installs Debian\'s chromium package)');
if (!haveChromium) console.warn('browser tests skipped: no chromium on PATH (apt-get install chromium)');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath()!,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

export type LiffServer = TestContext & { base: string };

/**
 * The real app (buildApp from src/app.ts, real database: PGlite or the PostgreSQL of
 * TEST_DATABASE_URL) listening on 127.0.0.1, offline, serving the built page. The page is built
 * first when its sources are newer than liff/dist. `env` goes through the config parser.
 */
export async function startLiffServer(opts: { env?: Record<string, string> } = {}): Promise<LiffServer> {
  if (liffIsStale()) buildLiff();
  const ctx = await createTestContext({ env: opts.env });
  const address = await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  return { ...ctx, base: address };
}

/** A phone-sized page (390×844) in Thai, as the LINE in-app browser would show it. */
export async function openPhone(browser: Browser, opts: { dark?: boolean; lang?: string } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: opts.lang ?? 'th-TH',
    colorScheme: opts.dark ? 'dark' : 'light',
    hasTouch: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

export const pageErrors = (page: Page): string[] => (page as Page & { problems?: string[] }).problems ?? [];

/** Saves the visible screen (scrolled to `selector` when given) as .cache/screenshots/<name>.png. */
export async function shot(page: Page, name: string, selector?: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  if (selector) await page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** `/liff/<path>` opened offline as a LINE user, the way the simulator's buttons do. */
export function asUser(base: string, path: string, lineUserId: string): string {
  const url = new URL(`/liff/${path.replace(/^\//, '')}`, base);
  url.searchParams.set('mock', '1');
  url.searchParams.set('as', lineUserId);
  return url.toString();
}

/** A LINE user id of the real shape (U + 32 hex digits), from a short tag. */
export function lineId(tag: string): string {
  return `U${Buffer.from(tag).toString('hex').padEnd(32, '0').slice(0, 32)}`;
}


/** Clicks and waits for the API call it causes to be answered (method + path fragment). */
export async function clickFor(page: Page, selector: string, method: string, path: string): Promise<number> {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname.includes(path)),
    page.locator(selector).first().click(),
  ]);
  return res.status();
}

/** expect.poll with room for a loaded machine (CI shares two cores): 15 s, not vitest's 1 s. */
export const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
