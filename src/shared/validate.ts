import { z } from 'zod';
import { errors } from './errors.ts';

/** Parses input with a zod schema or throws VALIDATION_FAILED naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) {
    throw errors.validation(r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  return r.data;
}

/** PostgreSQL `integer` ids: anything past 2^31−1 cannot exist, so it is a 400, never a database error. */
export const MAX_ID = 2_147_483_647;
export const idParam = z.coerce.number().int().positive().max(MAX_ID);
