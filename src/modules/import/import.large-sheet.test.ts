import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsFor, csvBytes, setupImport, TH_HEADERS } from '../../../test/helpers/import-support.ts';

let env: Awaited<ReturnType<typeof setupImport>>;
beforeAll(async () => { env = await setupImport(); });
afterAll(async () => { await env.database.close(); });

const ROLES = ['ผู้จัดทำ', 'ผู้กำกับติดตาม', 'ผู้รับรอง'];

/** A province-sized sheet: 35 items × 32 units × 3 people = 3,360 rows. */
function provinceSheet(): string[][] {
  const rows = [TH_HEADERS];
  for (let item = 1; item <= 35; item++) {
    for (let unit = 1; unit <= 32; unit++) {
      for (let r = 0; r < 3; r++) {
        rows.push([`O${item}`, `สำนักงานที่ ${unit}`, '', `นายคนที่${unit}-${r} ทดสอบ`, 'นักวิชาการ', ROLES[r]!, '31/03/2567', '']);
      }
    }
  }
  return rows;
}

describe('a province-sized sheet', () => {
  it('imports 3,360 rows reporting progress, and re-imports as a no-op', async () => {
    const actor = await env.createOrg();
    const bytes = csvBytes(provinceSheet());
    const progress: Array<[number, number, string]> = [];

    const s = await env.imports.importSheet(actor, { fileName: 'big.csv', bytes, year: 2567 }, (d, n, phase) => progress.push([d, n, phase]));
    expect(s).toMatchObject({ rows: 3360, unitsCreated: 32, officersCreated: 96, assignmentsCreated: 1120, peopleAdded: 3360 });
    expect(progress.filter((p) => p[2] === 'validate').at(-1)).toEqual([3360, 3360, 'validate']);
    const writes = progress.filter((p) => p[2] === 'write');
    expect(writes.length).toBeGreaterThan(3);
    expect(writes.at(-1)![0]).toBe(writes.at(-1)![1]);

    const audit = (await countsFor(env.db, actor.orgId)).audit;
    const again = await env.imports.importSheet(actor, { fileName: 'big.csv', bytes, year: 2567 });
    expect(again.unchanged).toBe(true);
    expect((await countsFor(env.db, actor.orgId)).audit).toBe(audit);
  });
});
