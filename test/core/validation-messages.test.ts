import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { msg } from '../../src/messages/index.ts';
import { isAppError } from '../../src/shared/errors.ts';
import { parseInput } from '../../src/shared/validate.ts';
import { parseCatalogFile } from '../../src/modules/catalog/catalog.parse.ts';
import { readBuiltInCatalogs } from '../../src/modules/catalog/catalog.data.ts';
import { api, PREPARER, startLiff, type LiffContext } from '../liff/helpers.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { seedOrg } from '../helpers/seed.ts';

const THAI = /[\u0E00-\u0E7F]/;
/** zod's English, as it leaked before: "Invalid option: expected one of …", "Too small", "received undefined". */
const ZOD_ENGLISH = /Invalid|expected|received|Too (small|big)|must|option/;

function messageOf(schema: z.ZodType, input: unknown, lang: 'th' | 'en' = 'th') {
  try {
    parseInput(schema, input);
  } catch (e) {
    if (isAppError(e)) return msg(lang).errors[e.code](e.params);
  }
  throw new Error('expected a validation error');
}

describe('validation messages are Thai end to end, from one mapping of zod issues', () => {
  it('each kind of zod issue reads in Thai, naming the field', () => {
    const s = z.object({
      status: z.enum(['submitted', 'checked']),
      name: z.string().min(1).max(5),
      n: z.number().int().min(1).max(10),
      url: z.url(),
      list: z.array(z.number()).max(1),
    });
    const m = messageOf(s, { status: 'x', name: '', n: 11, url: 'nope', list: [1, 2] });
    expect(m).toBe('ข้อมูลไม่ถูกต้อง: status: ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: submitted, checked; name: ต้องไม่เว้นว่าง; n: ต้องไม่เกิน 10; url: ต้องเป็นURL ที่ถูกต้อง; list: ต้องมีไม่เกิน 1 รายการ');
    expect(messageOf(s, {})).toMatch(/^ข้อมูลไม่ถูกต้อง: status: ต้องระบุ; name: ต้องระบุ/);
    expect(messageOf(z.object({ n: z.number() }), { n: 'a' })).toBe('ข้อมูลไม่ถูกต้อง: n: ต้องเป็นตัวเลข');
    expect(messageOf(z.strictObject({}), { colour: 'red' })).toBe('ข้อมูลไม่ถูกต้อง: มีช่องที่ไม่รู้จัก: colour');
  });

  it('English is there when asked for; a schema\'s own message is kept', () => {
    expect(messageOf(z.object({ status: z.enum(['a', 'b']) }), { status: 'x' }, 'en')).toBe('Invalid input: status: must be one of: a, b');
    expect(messageOf(z.object({ d: z.string().regex(/^\d\d$/, 'วันที่สองหลัก') }), { d: 'x' })).toBe('ข้อมูลไม่ถูกต้อง: d: วันที่สองหลัก');
  });
});

describe('over HTTP', () => {
  let t: TestContext;
  let token: string;
  let liff: LiffContext;
  beforeAll(async () => {
    t = await createTestContext();
    const s = await seedOrg(t.container, { slug: 'rayong', units: ['ก'], officers: [{ name: 'นายหนึ่ง ทดสอบ' }], assignments: [] });
    token = (await t.container.auth.createToken(s.org.id)).token;
    liff = await startLiff();
  });
  afterAll(async () => {
    await t.close();
    await liff.close();
  });

  it('the admin API says what is wrong with a query in Thai, details included', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/assignments?status=done', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.message).toMatch(/^ข้อมูลไม่ถูกต้อง: status: ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: not_started, /);
    expect(error.message).not.toMatch(ZOD_ENGLISH);
    expect(error.details[0]).toMatchObject({ path: 'status', code: 'invalid_value', message: expect.stringMatching(THAI) });
    const en = await t.app.inject({ method: 'GET', url: '/api/v1/assignments?status=done', headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' } });
    expect(en.json().error.message).toMatch(/^Invalid input: status: must be one of: not_started, /);
  });

  it('a body that is not JSON is explained in Thai', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/assignments/1/transitions', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, payload: 'hello' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('ข้อมูลไม่ถูกต้อง: ต้องเป็นออบเจ็กต์ JSON');
  });

  it('an unknown path reads "ไม่พบ /foo", with its space', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/foo' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('ไม่พบ /foo');
  });

  it('the LIFF API says it in Thai too', async () => {
    const res = await api(liff, 'GET', '/items?filter=everything', liff.token(PREPARER, 3600));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('ข้อมูลไม่ถูกต้อง: filter: ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: ' + res.json().error.details[0].values.join(', '));
    expect(res.json().error.message).not.toMatch(ZOD_ENGLISH);
  });
  it('a catalog JSON file of the wrong shape is explained in Thai, field by field', async () => {
    const base = readBuiltInCatalogs().find((c) => c.year === 2568)!;
    const broken = { ...base, items: base.items.map((it, i) => (i === 0 ? { ...it, code: 7, title: undefined } : it)) };
    const r = await parseCatalogFile('catalog.json', new TextEncoder().encode(JSON.stringify(broken)), { year: 2568, maxRows: 1_000 });
    expect(r.file).toBeNull();
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(e.reason).toMatch(/^JSON ไม่ตรงรูปแบบบัญชีรายการที่ items\.0\./);
      expect(e.reason).not.toMatch(ZOD_ENGLISH);
    }
    expect(r.errors.map((e) => e.reason)).toContain('JSON ไม่ตรงรูปแบบบัญชีรายการที่ items.0.title: ต้องระบุ');
  });
});
