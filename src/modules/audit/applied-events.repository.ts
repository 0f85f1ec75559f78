import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appliedEvents } from './applied-events.table.ts';

export type AppliedEffect = typeof appliedEvents.$inferSelect;

/**
 * Reading back what a LINE event already applied (written only by audit.ts's record()). Looked up
 * by the event id alone: LINE's ids are unique, and the event itself is what the inbox holds; the
 * organization of each effect is on its row and is what the answer is scoped to.
 */
export function createAppliedEventsRepository(db: Db) {
  return {
    forEvent(eventId: string): Promise<AppliedEffect[]> {
      return db.select().from(appliedEvents).where(eq(appliedEvents.eventId, eventId)).orderBy(asc(appliedEvents.appliedAt), asc(appliedEvents.step));
    },
  };
}

export type AppliedEventsRepository = ReturnType<typeof createAppliedEventsRepository>;
