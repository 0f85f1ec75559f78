/**
 * The traffic every webhook benchmark sends: 5 text events per request from 20 users, texts the
 * bot answers in different ways (help, the officer's list, an unknown greeting, an item, English
 * help). One place, so bench:webhook and bench:webhook:worker measure the same mix.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

export const EVENTS_PER_REQUEST = 5;
export const users = Array.from({ length: 20 }, (_, i) => `U${(i + 1).toString(16).padStart(32, '0')}`);
const words = ['ช่วยเหลือ', 'งานของฉัน', 'สวัสดีครับ 😀', 'O12', 'help'];

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/**
 * A webhook event id as LINE makes them: a ULID (26 characters of Crockford base32, the first 10
 * the time in ms, then 80 random bits), so ids arrive roughly in order, as they do from LINE.
 * Random UUIDs would scatter every insert over the unique index on webhook_event_id, which is
 * not the load LINE puts on it.
 */
export function ulid(now = Date.now()): string {
  let time = '';
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time;
  const r = randomBytes(16);
  let rand = '';
  for (let i = 0; i < 16; i++) rand += CROCKFORD[r[i]! % 32];
  return time + rand;
}

/** One request's events, each with a unique webhook event id (a ULID) and a random sender of `users`. */
export function textEvents(now: number, firstId = now) {
  return Array.from({ length: EVENTS_PER_REQUEST }, (_, i) => ({
    type: 'message',
    mode: 'active',
    timestamp: now,
    webhookEventId: ulid(now),
    deliveryContext: { isRedelivery: false },
    source: { type: 'user', userId: users[Math.floor(Math.random() * users.length)]! },
    replyToken: randomUUID().replace(/-/g, ''),
    message: { type: 'text', id: String(firstId + i), quoteToken: 'q', text: words[i % words.length]! },
  }));
}

/** A webhook body of textEvents() and its X-Line-Signature under `secret`. */
export function signedBody(secret: string) {
  const body = JSON.stringify({ destination: 'Ubench', events: textEvents(Date.now()) });
  return { body, signature: createHmac('sha256', secret).update(body).digest('base64') };
}
