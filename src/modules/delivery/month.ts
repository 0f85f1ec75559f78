import { bangkokDate } from '../../shared/thai-date.ts';

/**
 * LINE counts messages per calendar month; for a Thai channel we take the month in Asia/Bangkok
 * (UTC+7, no daylight saving), which is when agencies see their plan renew.
 */
const BANGKOK_OFFSET_MS = 7 * 3_600_000;

/** "2025-01" */
export const bangkokMonth = (at: Date) => bangkokDate(at).slice(0, 7);

/** 00:00 on the 1st of `at`'s month, Bangkok. */
export function monthStart(at: Date): Date {
  return new Date(Date.parse(`${bangkokMonth(at)}-01T00:00:00Z`) - BANGKOK_OFFSET_MS);
}

/** 00:00 on the 1st of the next month, Bangkok: when a monthly hold ends. */
export function firstOfNextMonth(at: Date): Date {
  const [y, m] = bangkokMonth(at).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1) - BANGKOK_OFFSET_MS);
}

/** `at`'s date in Bangkok, "2025-01-15": the day an outbox row belongs to. */
export const localDay = (at: Date) => bangkokDate(at);
