/**
 * The traffic every webhook benchmark sends: 5 text events per request from 20 users, texts the
 * bot answers in different ways (help, the officer's list, an unknown greeting, an item, English
 * help). One place, so bench:webhook and bench:webhook:worker measure the same mix.
 */
import { createHmac, randomUUID } from 'node:crypto';

export const EVENTS_PER_REQUEST = 5;
export const users = Array.from({ length: 20 }, (_, i) => `U${(i + 1).toString(16).padStart(32, '0')}`);
const words = ['ช่วยเหลือ', 'งานของฉัน', 'สวัสดีครับ 😀', 'O12', 'help'];

/** One request's events, each with a unique webhook event id and a random sender of `users`. */
export function textEvents(now: number, firstId = now) {
  return Array.from({ length: EVENTS_PER_REQUEST }, (_, i) => ({
    type: 'message',
    mode: 'active',
    timestamp: now,
    webhookEventId: randomUUID(),
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
