import { bangkokDate } from '../../shared/thai-date.ts';
import { LEVELS } from '../delivery/budget.ts';
import type { DeliveriesService } from '../delivery/deliveries.usecases.ts';

export type DeliveryOverview = Awaited<ReturnType<DeliveriesService['overview']>>;

/** What became of this month's messages that did not go as planned: the overview counts these. */
const NOT_AS_PLANNED = ['merged', 'dropped', 'expired', 'failed'] as const;

/**
 * The month's LINE messages as the overview shows them (issue 12): the hold, the planner's level
 * (its step among budget.ts LEVELS), the budget and forecast when known, and this organization's
 * messages that were merged, dropped, expired or failed. Data only: the page words it.
 */
export function deliveryState(o: DeliveryOverview) {
  return {
    month: o.month,
    /** Pushes stop until `until` (a Bangkok date, the 1st): LINE's monthly limit or our own budget. */
    held: o.held ? { reason: o.held.reason, until: bangkokDate(o.held.until) } : null,
    level: o.level,
    step: LEVELS.indexOf(o.level),
    steps: LEVELS.length - 1,
    degraded: o.degraded,
    budget: o.budget,
    used: o.used,
    remaining: o.remaining,
    /** The whole channel's forecast to the month's end (every organization on it), when computed. */
    forecast: o.forecast ? { full: o.forecast.full, atLevel: o.forecast.atLevel, runsOutOn: o.forecast.runsOutOn.atLevel } : null,
    /** This organization's share of that forecast. */
    organizationForecast: o.organization.forecast,
    messages: Object.fromEntries(NOT_AS_PLANNED.map((s) => [s, o.organization.month[s]?.n ?? 0])) as Record<(typeof NOT_AS_PLANNED)[number], number>,
  };
}

export type DeliveryState = ReturnType<typeof deliveryState>;
