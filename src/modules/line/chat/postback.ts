import { z } from 'zod';

/**
 * Button payloads: a short query string (LINE allows 300 characters), e.g. `a=approve&id=123&v=4`.
 * Parsed with zod and never trusted: the handler re-checks permissions for whoever pressed it.
 */
const id = z.coerce.number().int().positive().max(2_147_483_647);
const version = z.coerce.number().int().positive().max(2_147_483_647);

export const postbackSchema = z.discriminatedUnion('a', [
  z.object({ a: z.literal('start'), id, v: version }),
  /** c=1: the officer confirmed submitting with components unticked. */
  z.object({ a: z.literal('submit'), id, v: version, c: z.literal('1').optional() }),
  /** The supervisor's check (ตรวจแล้ว); approve is the certifier's (รับรอง). */
  z.object({ a: z.literal('check'), id, v: version }),
  z.object({ a: z.literal('approve'), id, v: version }),
  /** Asks for a reason (quick replies, or typing `ส่งกลับ O12 <เหตุผล>`). */
  z.object({ a: z.literal('ret'), id, v: version }),
  /** Returns with preset reason number r. */
  z.object({ a: z.literal('return'), id, v: version, r: z.coerce.number().int().min(0).max(12) }),
  z.object({ a: z.literal('snooze'), id, d: z.coerce.number().int().min(1).max(14) }),
  z.object({ a: z.literal('detail'), id }),
  /** Next page of a list: my items, group pending, supervised, or one item's assignments. */
  z.object({ a: z.literal('more'), l: z.enum(['my', 'pending', 'sup', 'item']), o: z.coerce.number().int().min(0).max(100_000), n: z.coerce.number().int().min(1).max(999).optional() }),
]);

export type Postback = z.infer<typeof postbackSchema>;

export function encodePostback(p: Postback): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined) params.set(k, String(v));
  return params.toString();
}

/** null for anything that is not a well-formed payload of ours. */
export function decodePostback(data: string): Postback | null {
  if (data.length > 300) return null;
  const r = postbackSchema.safeParse(Object.fromEntries(new URLSearchParams(data)));
  return r.success ? r.data : null;
}
