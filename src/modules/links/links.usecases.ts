import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { errors } from '../../shared/errors.ts';
import { bangkokDate, daysBetween } from '../../shared/thai-date.ts';
import type { Actor } from '../auth/actor.ts';
import { assertCan } from '../auth/permissions.ts';
import type { CyclesService } from '../cycles/cycles.usecases.ts';
import type { LinksRepository } from './links.repository.ts';
import type { BrokenLinkNotifier } from './notify.ts';
import type { LinkState, Prober, ProbeResult } from './probe.ts';
import { createThrottle, type Sleep } from './throttle.ts';

/** A working link: everything else counts as broken in summaries and views. */
export const WORKING: ReadonlySet<string> = new Set(['ok', 'moved']);
/** Told at once; the transient kinds (5xx, timeout, unreachable) only when the previous check failed too. */
const DEFINITE: ReadonlySet<string> = new Set(['broken', 'dns_failure', 'unsafe']);

export type CheckSummary = { year: number; checked: number; urls: number; byState: Partial<Record<LinkState, number>>; notified: number };

type Deps = {
  db: Db;
  repo: LinksRepository;
  cycles: Pick<CyclesService, 'find' | 'latest'>;
  config: Pick<Config, 'links'>;
  clock: Clock;
  prober: Prober;
  notify: BrokenLinkNotifier;
  sleep?: Sleep;
};

/**
 * Evidence link health: checks every evidence URL of a cycle (each distinct URL once, politely:
 * throttle.ts), records the result per link, and tells the preparers once when a link breaks.
 * A check never changes an item's status.
 */
export function createLinksService({ db, repo, cycles, config, clock, prober, notify, sleep }: Deps) {
  async function checkCycle(orgId: number, cycle: { id: number; year: number }): Promise<CheckSummary> {
    const links = await repo.linksOf(orgId, cycle.id);
    const throttle = createThrottle({ concurrency: config.links.concurrency, hostIntervalMs: config.links.hostIntervalMs, sleep });
    const results = new Map<string, Promise<ProbeResult>>();
    for (const l of links) {
      if (results.has(l.url)) continue;
      let host = l.url;
      try {
        host = new URL(l.url).host.toLowerCase();
      } catch { /* probe reports it */ }
      results.set(l.url, throttle(host, () => prober.probe(l.url)));
    }
    const previous = await repo.health(orgId, links.map((l) => l.evidenceId));
    const summary: CheckSummary = { year: cycle.year, checked: links.length, urls: results.size, byState: {}, notified: 0 };
    for (const l of links) {
      const r = await results.get(l.url)!;
      const now = clock.now();
      const prev = previous.get(l.evidenceId);
      summary.byState[r.state] = (summary.byState[r.state] ?? 0) + 1;
      const failing = !WORKING.has(r.state);
      const tell = failing && !prev?.notifiedAt && (DEFINITE.has(r.state) || (prev !== undefined && !WORKING.has(prev.state)));
      await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        if (tell) summary.notified += await notify(tx, orgId, l, r, now);
        await repo.save(tx, {
          evidenceId: l.evidenceId, orgId, url: l.url, state: r.state, httpStatus: r.httpStatus, finalUrl: r.finalUrl, detail: r.detail,
          checkedAt: now, since: prev && prev.state === r.state ? prev.since : now,
          notifiedAt: !failing ? null : tell ? now : (prev?.notifiedAt ?? null),
        });
      });
    }
    return summary;
  }

  return {
    /** `links check`: an admin checks one year's links (the latest cycle when no year is given). */
    async check(actor: Actor, year?: number): Promise<CheckSummary> {
      assertCan(actor, 'manage', { orgId: actor.orgId });
      const cycle = year ? await cycles.find(actor.orgId, year) : await cycles.latest(actor.orgId);
      if (!cycle) throw errors.notFound('cycle', year);
      return checkCycle(actor.orgId, cycle);
    },

    /**
     * The scheduler's tick: every organization's latest cycle is checked weekly (on the configured
     * weekday) and daily while its OIT window is open, once per Bangkok day whichever instance
     * ticks first.
     */
    async runScheduled(now: Date): Promise<Array<{ orgId: number } & CheckSummary>> {
      const today = bangkokDate(now);
      const weekday = ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
      const out = [];
      for (const c of await repo.latestCycles()) {
        const inWindow = Boolean(c.opens && c.closes && daysBetween(c.opens, today) >= 0 && daysBetween(today, c.closes) >= 0);
        if (weekday !== config.links.weekday && !inWindow) continue;
        if (!(await repo.claimRun(c.orgId, today, now))) continue;
        const s = await checkCycle(c.orgId, c);
        await repo.finishRun(c.orgId, today, clock.now(), s.checked);
        out.push({ orgId: c.orgId, ...s });
      }
      return out;
    },

    /** Health of evidence links, for item views (chat, LIFF, admin API). */
    healthOf: (orgId: number, evidenceIds: number[]) => repo.health(orgId, evidenceIds),
    brokenCounts: (orgIds: number[], tx?: Db) => repo.brokenCounts(orgIds, tx),
    close: () => prober.close(),
  };
}

export type LinksService = ReturnType<typeof createLinksService>;
