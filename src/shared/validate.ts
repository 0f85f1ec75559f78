import { z } from 'zod';
import { errors } from './errors.ts';

/**
 * zod's own (English) text is replaced by what the messages need to say it in the user's language
 * (messages/validation.*.ts): this error map only answers where a schema has no message of its own
 * (https://zod.dev/error-customization: schema-level messages win over per-parse ones).
 */
const MARK = '\u0000zod:';
const KEPT = ['code', 'expected', 'values', 'minimum', 'maximum', 'inclusive', 'origin', 'format', 'keys', 'divisor'] as const;
const keepDetails = (iss: z.core.$ZodRawIssue): string => {
  const d: Record<string, unknown> = { missing: (iss.code === 'invalid_type' || iss.code === 'invalid_value') && iss.input === undefined };
  for (const k of KEPT) if ((iss as Record<string, unknown>)[k] !== undefined) d[k] = (iss as Record<string, unknown>)[k];
  if (typeof d.minimum === 'bigint' || typeof d.maximum === 'bigint') Object.assign(d, { minimum: String(d.minimum), maximum: String(d.maximum) });
  return MARK + JSON.stringify(d);
};

export type InputIssue = { path: string; message?: string } & Record<string, unknown>;

export function inputIssues(e: z.ZodError): InputIssue[] {
  return e.issues.map((i) => (i.message.startsWith(MARK) ? { path: i.path.join('.'), ...JSON.parse(i.message.slice(MARK.length)) } : { path: i.path.join('.'), code: i.code, message: i.message }));
}

/** Parses with a zod schema; the issues keep their code and limits for messages/validation.*.ts to word. */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.output<S> } | { ok: false; issues: InputIssue[] } {
  const r = schema.safeParse(input, { error: keepDetails });
  return r.success ? { ok: true, data: r.data } : { ok: false, issues: inputIssues(r.error) };
}

/** Parses input with a zod schema or throws VALIDATION_FAILED naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = checkInput(schema, input);
  if (!r.ok) throw errors.validation(r.issues);
  return r.data;
}

/** PostgreSQL `integer` ids: anything past 2^31−1 cannot exist, so it is a 400, never a database error. */
export const MAX_ID = 2_147_483_647;
export const idParam = z.coerce.number().int().positive().max(MAX_ID);
