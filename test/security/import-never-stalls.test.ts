import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportService } from '../../src/modules/import/import.usecases.ts';
import { isAppError, type ImportRowError } from '../../src/shared/errors.ts';
import { countsFor, csvBytes, setupImport, TH_HEADERS } from '../helpers/import-support.ts';

/**
 * Issue 10.2: one import could stall the whole server (a header and 1,000,000 empty lines took
 * 12 s on the event loop while a webhook waited 11 s). Reading and checking a sheet now runs in a
 * worker thread and planning gives the event loop a turn every few hundred rows. These tests count
 * how often the event loop turns while an import runs (no clock is asserted): the old synchronous
 * parse let it turn only at a handful of database round trips.
 */
let env: Awaited<ReturnType<typeof setupImport>>;
beforeAll(async () => { env = await setupImport(); });
afterAll(async () => { await env.database.close(); });

async function whileCountingTurns<T>(work: () => Promise<T>): Promise<{ value: T | unknown; turns: number }> {
  let turns = 0;
  let running = true;
  const spin = () => { turns++; if (running) setImmediate(spin); };
  setImmediate(spin);
  try {
    const value = await work().catch((e: unknown) => e);
    return { value, turns };
  } finally {
    running = false;
  }
}

const reasons = (e: unknown) => {
  if (isAppError(e)) return (e.params.rowErrors as ImportRowError[]).map((r) => r.reason);
  const report = (e as { report?: { errors: ImportRowError[] } }).report; // a dry run lists them
  return report ? report.errors.map((r) => r.reason) : [String(e)];
};

describe('an import never stalls the server', () => {
  it('reads a header and a million empty lines as "no data", the event loop turning all along', async () => {
    const actor = await env.createOrg();
    const bytes = new TextEncoder().encode(`ข้อ,หน่วยงาน,ชื่อ-สกุล\n${'\n'.repeat(500_000)}${',,\n'.repeat(500_000)}`);
    const { value, turns } = await whileCountingTurns(() => env.imports.importSheet(actor, { fileName: 'empty.csv', bytes, year: 2568, dryRun: true }));
    expect(reasons(value)).toEqual(['ไฟล์ไม่มีข้อมูล']);
    expect(turns).toBeGreaterThan(1000);
  });

  it('imports a 6,000-row sheet for real while the event loop keeps turning', async () => {
    const actor = await env.createOrg();
    const rows = [TH_HEADERS];
    for (let i = 0; rows.length <= 6000; i++) {
      rows.push([`O${(i % 28) + 1}`, `สำนักงานที่ ${i % 60}`, '', `นางสาวคนที่${i % 400} ทดสอบ`, '', ['ผู้จัดทำ', 'ผู้กำกับติดตาม', 'ผู้รับรอง'][i % 3]!, '31/03/2568', '']);
    }
    const { value, turns } = await whileCountingTurns(() => env.imports.importSheet(actor, { fileName: 'big.csv', bytes: csvBytes(rows), year: 2568 }));
    expect(value).toMatchObject({ rows: 6000, unitsCreated: 60 });
    expect(turns).toBeGreaterThan(1000);
  });

  it('refuses a sheet over the row limit as soon as the reader gets there, naming the limit', async () => {
    const small = createImportService({ db: env.db, catalog: env.catalog, audit: env.audit, clock: env.clock, maxRows: 100, cycles: env.cycles, aliases: env.aliases, orgName: env.orgName });
    const actor = await env.createOrg();
    const lines = ['ข้อ,หน่วยงาน'];
    for (let i = 0; i < 150; i++) lines.push(`O1,ก.${i}`);
    // Past the limit the file is broken (an unclosed quote): a reader that went on would say so.
    const bytes = new TextEncoder().encode(`${lines.join('\n')}\nO2,"never closed\n${'x\n'.repeat(1000)}`);
    const e = await small.importSheet(actor, { fileName: 'a.csv', bytes, year: 2568, dryRun: true }).catch((x: unknown) => x);
    expect(reasons(e)).toEqual(['ไฟล์มีข้อมูลเกิน 100 แถว จึงไม่นำเข้า กรุณาแบ่งเป็นหลายไฟล์']);
    expect((e as { params: { rowErrors: ImportRowError[] } }).params.rowErrors[0]!.row).toBe(101);
    expect(await countsFor(env.db, actor.orgId)).toMatchObject({ units: 0, assignments: 0, cycles: 0 });
  });
});
