import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { daysBetween } from '../../shared/thai-date.ts';
import { cycles } from '../cycles/cycles.table.ts';
import type { LinksRepository } from '../links/links.repository.ts';
import type { SummaryExtras } from '../reminders/summaries.ts';
import { chartShares } from './chart-shares.table.ts';

export const SHARE_DAYS = 14;

/**
 * The daily summary's extras for organization-wide recipients: how many evidence links do not
 * work, and (only with an https PUBLIC_BASE_URL, which LINE requires for images) the address of
 * today's progress chart, one token per organization and day.
 */
export function createSummaryExtras({ config, clock, links }: { config: Pick<Config, 'publicBaseUrl'>; clock: Clock; links: Pick<LinksRepository, 'brokenCounts'> }): SummaryExtras {
  const base = config.publicBaseUrl?.startsWith('https://') ? config.publicBaseUrl.replace(/\/+$/, '') : null;
  return async (tx, orgIds, localDate) => {
    const broken = await links.brokenCounts(orgIds, tx);
    const urls = new Map<number, string>();
    if (base) {
      const latest = await tx.select({ orgId: cycles.orgId, year: cycles.year }).from(cycles).where(inArray(cycles.orgId, orgIds)).orderBy(desc(cycles.year));
      const yearOf = new Map<number, number>();
      for (const c of latest) if (!yearOf.has(c.orgId)) yearOf.set(c.orgId, c.year);
      const rows = [...yearOf].map(([orgId, year]) => ({ token: randomBytes(24).toString('base64url'), orgId, year, localDate, createdAt: clock.now() }));
      if (rows.length) await tx.insert(chartShares).values(rows).onConflictDoNothing();
      const saved = await tx.select().from(chartShares).where(and(inArray(chartShares.orgId, orgIds), eq(chartShares.localDate, localDate)));
      for (const s of saved) urls.set(s.orgId, `${base}/public/charts/${s.token}.png`);
    }
    return new Map(orgIds.map((id) => [id, { brokenLinks: broken.get(id) ?? 0, chartUrl: urls.get(id) ?? null }]));
  };
}

/** The share behind a token, while it is fresh. */
export async function findShare(db: Db, token: string, today: string) {
  const [row] = await db.select().from(chartShares).where(eq(chartShares.token, token));
  return row && daysBetween(row.localDate, today) <= SHARE_DAYS ? row : undefined;
}
