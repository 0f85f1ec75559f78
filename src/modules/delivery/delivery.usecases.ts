import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { bangkokDate } from '../../shared/thai-date.ts';
import type { LineGateway, MessageQuota } from '../line/line.gateway.ts';
import { breakdown, chooseLevel, LEVELS, runsOutOn, totalCost, type ForecastLine, type Level } from './budget.ts';
import { createDeliveryRepository, type DeliveryState } from './delivery.repository.ts';
import { bangkokMonth, firstOfNextMonth } from './month.ts';

export type Hold = { reason: 'monthly_limit' | 'budget'; since: Date; until: Date };

/** Forecast figures at full policy and at the level chosen, stored with the state for /healthz and the API. */
export type ForecastSummary = {
  full: number;
  atLevel: number;
  byKind: { full: Record<string, number>; atLevel: Record<string, number> };
  byOrg: Record<string, { full: number; atLevel: number }>;
  runsOutOn: { full: string | null; atLevel: string | null };
};

export type DeliveryStatus = {
  month: string;
  asOf: Date | null;
  /** The budget in force: the smaller of LINE's quota (if the plan has one) and LINE_MONTHLY_MESSAGE_BUDGET; null if neither. */
  budget: number | null;
  line: { limit: number | null; used: number; readAt: Date } | null;
  setting: number | null;
  used: number;
  remaining: number | null;
  level: Level;
  forecast: ForecastSummary | null;
  held: Hold | null;
  /** Held, or the full policy would need more than is left this month (the planner is cutting back). */
  degraded: boolean;
};

type Deps = {
  db: Db;
  line: Pick<LineGateway, 'quota' | 'groupMemberCount'>;
  config: Pick<Config, 'delivery'>;
  clock: Clock;
  /** What the planner would send for the rest of the month (reminders/forecast.ts). */
  forecast: (now: Date) => Promise<ForecastLine[]>;
  log?: (line: string) => void;
};

const DAY_MS = 86_400_000;

/**
 * The channel's message budget: LINE's quota and consumption (through the SDK), our own
 * LINE_MONTHLY_MESSAGE_BUDGET, the forecast, the month's level (budget.ts), and the hold when
 * the month's messages are spent. Planner and sender ask it; `quota`, the admin API and
 * /healthz show it.
 */
export function createDeliveryService({ db, line, config, clock, forecast, log }: Deps) {
  const repo = createDeliveryRepository(db);

  function hold(s: DeliveryState | undefined): Hold | null {
    return s?.heldUntil && s.heldSince && s.heldReason ? { reason: s.heldReason, since: s.heldSince, until: s.heldUntil } : null;
  }

  /** Used this month: LINE's count (at its reading, plus what we sent since), or ours when it is higher or unknown. */
  function used(s: DeliveryState | undefined, now: Date): { used: number; line: DeliveryStatus['line'] } {
    const month = bangkokMonth(now);
    const ours = s?.sentMonth === month ? s.sentCost : 0;
    if (!s?.quotaReadAt || s.month !== month || s.quotaUsed === null || bangkokMonth(s.quotaReadAt) !== month) return { used: ours, line: null };
    const since = Math.max(0, ours - (s.sentCostAtRead ?? ours));
    return { used: Math.max(ours, s.quotaUsed + since), line: { limit: s.quotaLimit, used: s.quotaUsed, readAt: s.quotaReadAt } };
  }

  function budgetOf(lineLimit: number | null | undefined): number | null {
    const caps = [lineLimit, config.delivery.monthlyBudget].filter((n): n is number => typeof n === 'number');
    return caps.length ? Math.min(...caps) : null;
  }

  async function status(now: Date, s?: DeliveryState): Promise<DeliveryStatus> {
    s ??= await repo.state();
    const month = bangkokMonth(now);
    const u = used(s, now);
    const budget = budgetOf(u.line?.limit);
    const remaining = budget === null ? null : Math.max(0, budget - u.used);
    const current = s?.month === month;
    const summary = current ? (s?.forecast as ForecastSummary | null) : null;
    const level = current && LEVELS.includes(s?.level as Level) ? (s!.level as Level) : 'full';
    const h = hold(s);
    const held = h && h.until > now ? h : null;
    const degraded = Boolean(held) || (remaining !== null && summary !== null && summary.full > remaining);
    return { month, asOf: current ? (s?.forecastAt ?? null) : null, budget, line: u.line, setting: config.delivery.monthlyBudget ?? null, used: u.used, remaining, level, forecast: summary, held, degraded };
  }

  /** Groups opted in to the summary: their member count (what a push to them costs), once a day. */
  async function countGroups(now: Date) {
    for (const g of await repo.groupsToCount(new Date(now.getTime() - DAY_MS))) {
      const n = await line.groupMemberCount(g.groupId).catch(() => null);
      if (n !== null) await repo.setGroupMembers(g.groupId, n, now);
    }
  }

  return {
    status: (now: Date) => status(now),

    /**
     * Reads LINE's quota and consumption, counts groups, forecasts the rest of the month and
     * picks the level; stored for everyone (planner, /healthz). LINE being unreachable keeps the
     * previous reading: the budget is never assumed larger than last seen. With no budget at all
     * (no quota on the plan, no LINE_MONTHLY_MESSAGE_BUDGET) the level is `full` and the forecast
     * is only computed when asked for (`opts.forecast`, the `quota` command).
     */
    async refresh(now: Date, opts: { forecast?: boolean } = {}): Promise<DeliveryStatus> {
      const real = clock.now();
      let quota: MessageQuota | null = null;
      try {
        quota = await line.quota();
      } catch (e) {
        log?.(`delivery: reading LINE's message quota failed: ${(e as Error).message}`);
      }
      await countGroups(real);
      const month = bangkokMonth(now);
      const before = await repo.state();
      if (quota) {
        const ours = before?.sentMonth === month ? before.sentCost : 0;
        await repo.save({ quotaLimit: quota.limit, quotaUsed: quota.used, quotaReadAt: real, sentCostAtRead: ours, month });
      }
      const s = await repo.state();
      const u = used(s?.month === month ? s : undefined, now);
      const budget = budgetOf(quota ? quota.limit : s?.month === month ? s.quotaLimit : null);
      const remaining = budget === null ? null : Math.max(0, budget - u.used);
      // Without any budget nothing is cut back: forecast only when asked (`quota`).
      if (budget === null && !opts.forecast) {
        await repo.save({ month, level: 'full', forecast: null, forecastAt: now });
        return status(now);
      }
      const lines = await forecast(now);
      const level = chooseLevel(lines, remaining);
      const full = breakdown(lines, 'full');
      const at = breakdown(lines, level);
      const byOrg: ForecastSummary['byOrg'] = {};
      for (const [org, n] of full.byOrg) byOrg[org] = { full: n, atLevel: at.byOrg.get(org) ?? 0 };
      const summary: ForecastSummary = {
        full: totalCost(lines, 'full'),
        atLevel: totalCost(lines, level),
        byKind: { full: full.byKind, atLevel: at.byKind },
        byOrg,
        runsOutOn: { full: runsOutOn(lines, 'full', remaining), atLevel: runsOutOn(lines, level, remaining) },
      };
      if (s?.month === month && s.level !== level) log?.(`delivery: month ${month} budget level ${s.level ?? 'full'} → ${level} (forecast ${summary.full}, left ${remaining})`);
      await repo.save({ month, level, forecast: summary, forecastAt: now });
      return status(now);
    },

    /** The month's level, refreshed when the stored one is from an earlier day (planning runs call this first). */
    async level(now: Date): Promise<Level> {
      const s = await repo.state();
      const fresh = s?.month === bangkokMonth(now) && s.forecastAt && bangkokDate(s.forecastAt) === bangkokDate(now) && LEVELS.includes(s.level as Level);
      return fresh ? (s.level as Level) : (await this.refresh(now)).level;
    },

    /** For the sender: is it held, and how many messages may it still spend (null: no budget)? Ends a hold that is over. */
    async allowance(now: Date): Promise<{ held: Hold | null; remaining: number | null; level?: Level }> {
      let s = await repo.state();
      const h = hold(s);
      if (h && h.until <= now && (await repo.release(now))) {
        log?.(`delivery: pushes resume (${h.reason === 'monthly_limit' ? "LINE's monthly limit" : 'monthly budget'} held since ${h.since.toISOString()})`);
        s = await repo.state();
      }
      const st = await status(now, s);
      return { held: st.held, remaining: st.remaining, level: st.level };
    },

    /** Stops pushes until the 1st of next month; announced once (the log here; replies, /healthz and the LIFF overview show it). */
    async hold(reason: Hold['reason'], now: Date): Promise<Hold> {
      const until = firstOfNextMonth(now);
      if (await repo.hold(reason, now, until)) {
        log?.(`delivery: pushes held until ${until.toISOString()}: ${reason === 'monthly_limit' ? 'LINE answered "You have reached your monthly limit."' : `the month's messages are spent (${config.delivery.monthlyBudget ? `LINE_MONTHLY_MESSAGE_BUDGET=${config.delivery.monthlyBudget}` : "the plan's quota as read from LINE"})`}`);
      }
      return hold(await repo.state())!;
    },

    /** Ends the hold now (an admin raised the plan's quota): `quota --resume`. */
    async resume(now: Date): Promise<boolean> {
      const h = hold(await repo.state());
      if (!h || h.until <= now) return false;
      await repo.save({ heldUntil: now });
      if (!(await repo.release(now))) return false;
      log?.(`delivery: pushes resumed by an operator (${h.reason} hold since ${h.since.toISOString()})`);
      return true;
    },

    repo,
  };
}

export type DeliveryService = ReturnType<typeof createDeliveryService>;
