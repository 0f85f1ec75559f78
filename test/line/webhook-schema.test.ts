import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, mayNotFitNumeric, nestedDeeperThan } from '../../src/modules/line/webhook/webhook.sanitize.ts';
import { isWebhookBody, webhookBody } from '../../src/modules/line/webhook/webhook.schema.ts';

const event = { type: 'message', mode: 'active', timestamp: 1700000000000, webhookEventId: '01H0000000000000000000000', source: { type: 'user', userId: 'U1' }, message: { type: 'text', id: '1', text: 'hi' } };
/** Bodies around every bound webhookBody checks, each a small change of a good one. */
const variants: Array<[string, unknown]> = [
  ['good', { destination: 'Ubot', events: [event] }],
  ['no destination', { events: [event] }],
  ['no events (a verification request)', { destination: 'Ubot', events: [] }],
  ['events missing', { destination: 'Ubot' }],
  ['events not an array', { events: { 0: event } }],
  ['500 events', { events: Array.from({ length: 500 }, () => event) }],
  ['501 events', { events: Array.from({ length: 501 }, () => event) }],
  ['destination null', { destination: null, events: [event] }],
  ['destination a number', { destination: 1, events: [event] }],
  ['destination of 100', { destination: 'x'.repeat(100), events: [event] }],
  ['destination of 101', { destination: 'x'.repeat(101), events: [event] }],
  ['body an array', [event]],
  ['body null', null],
  ['body a string', 'events'],
  ['event null', { events: [null] }],
  ['event an array', { events: [[event]] }],
  ['event a string', { events: ['message'] }],
  ['type missing', { events: [{ ...event, type: undefined }] }],
  ['type a number', { events: [{ ...event, type: 1 }] }],
  ['type of 50', { events: [{ ...event, type: 'x'.repeat(50) }] }],
  ['type of 51', { events: [{ ...event, type: 'x'.repeat(51) }] }],
  ['timestamp missing', { events: [{ ...event, timestamp: undefined }] }],
  ['timestamp a string', { events: [{ ...event, timestamp: '1700000000000' }] }],
  ['timestamp null', { events: [{ ...event, timestamp: null }] }],
  ['timestamp Infinity (1e400 in JSON)', { events: [{ ...event, timestamp: Infinity }] }],
  ['timestamp negative, fractional', { events: [{ ...event, timestamp: -1.5 }] }],
  ['webhookEventId missing (old format)', { events: [{ ...event, webhookEventId: undefined }] }],
  ['webhookEventId a number', { events: [{ ...event, webhookEventId: 1 }] }],
  ['webhookEventId null', { events: [{ ...event, webhookEventId: null }] }],
  ['webhookEventId of 100', { events: [{ ...event, webhookEventId: 'x'.repeat(100) }] }],
  ['webhookEventId of 101', { events: [{ ...event, webhookEventId: 'x'.repeat(101) }] }],
  ['one bad event among good ones', { events: [event, event, { ...event, type: 2 }] }],
  ['unknown keys everywhere', { destination: 'U', extra: 1, events: [{ ...event, extra: { deep: [1] } }] }],
];

describe('the webhook body check on the acknowledgement path', () => {
  it.each(variants)('gives webhookBody’s answer: %s', (_name, body) => {
    // Values as JSON.parse makes them (Infinity from 1e400); a key set to undefined stands for one left out.
    expect(isWebhookBody(body)).toBe(webhookBody.safeParse(body).success);
  });

  it('accepts the good body and refuses the bad ones (the list above is not all one answer)', () => {
    const answers = variants.map(([, b]) => isWebhookBody(b));
    expect(answers.filter(Boolean).length).toBeGreaterThan(5);
    expect(answers.filter((a) => !a).length).toBeGreaterThan(10);
  });
});

describe('the depth check on the signed text', () => {
  const nest = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);
  it('lets MAX_JSON_DEPTH levels through and refuses one more, whether the brackets are few or many', () => {
    expect(nestedDeeperThan(nest(MAX_JSON_DEPTH))).toBe(false);
    expect(nestedDeeperThan(nest(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(nestedDeeperThan(`{"a":${nest(MAX_JSON_DEPTH - 1)}}`)).toBe(false);
    expect(nestedDeeperThan(`{"a":${nest(MAX_JSON_DEPTH)}}`)).toBe(true);
    // Many brackets side by side (more than the limit in all), none deep: the walk decides.
    expect(nestedDeeperThan(JSON.stringify({ events: Array.from({ length: 40 }, () => ({ source: {}, message: { m: [] } })) }))).toBe(false);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ events: [{ type: 'message', message: { text: `"${'[{'.repeat(40)}\\"` } }] });
    expect(nestedDeeperThan(text)).toBe(false);
    expect(nestedDeeperThan(`{"t":"\\"${'['.repeat(40)}"}`)).toBe(false);
  });
});

describe('numbers PostgreSQL cannot store as they are written', () => {
  it('are suspected with an exponent of 4 digits or more, or a run of 15,000 digits, and not otherwise', () => {
    expect(mayNotFitNumeric('{"n":1e999,"m":12.5E+12,"t":1700000000000}')).toBe(false);
    expect(mayNotFitNumeric('{"n":1e1000}')).toBe(true);
    expect(mayNotFitNumeric('{"n":1E-1000}')).toBe(true);
    expect(mayNotFitNumeric('{"a":[-2.5e1000]}')).toBe(true);
    expect(mayNotFitNumeric('{"a":[1, 2e+1000]}')).toBe(true);
    // Hex in strings (reply tokens, event ids) is not a number.
    expect(mayNotFitNumeric('{"replyToken":"3e12345abc","id":"0E1234"}')).toBe(false);
    expect(mayNotFitNumeric(`{"n":0.${'1'.repeat(14_999)}}`)).toBe(false);
    expect(mayNotFitNumeric(`{"n":0.${'1'.repeat(15_000)}}`)).toBe(true);
  });
});
