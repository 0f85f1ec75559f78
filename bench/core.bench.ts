/**
 * npm run bench:core — on a real PostgreSQL:
 *  1. import of a generated province sheet (35 items × 32 units × 3 people ≈ 3,400 rows): rows/s, peak RSS;
 *  2. with ~300,000 assignments loaded (≈8,300 agencies × 36): p50/p95 of "this officer's open
 *     items" and "this organization's pending items". Target: both p95 < 20 ms.
 */
import { loadConfig } from '../src/config.ts';
import { createContainer, prepareDatabase } from '../src/container.ts';
import { openDatabase } from '../src/db/client.ts';
import { cliActor } from '../src/modules/auth/actor.ts';
import type { Actor } from '../src/modules/auth/actor.ts';
import { systemClock } from '../src/shared/clock.ts';
import { benchPostgres, mb, peakRss, percentiles } from './support/pg.ts';
import { loadNationalScale } from './support/national.ts';

const YEAR = 2567; // O1–O35
const pg = await benchPostgres();
const database = await openDatabase({ url: pg.url, poolMax: 10 });
const config = loadConfig({ LOG_LEVEL: 'silent' });
const c = createContainer({ config, database, clock: systemClock, log: () => {} });
try {
  await prepareDatabase(c);
  console.log(`bench:core on PostgreSQL (${pg.url.replace(/\/\/[^@]*@/, '//')})`);

  // 1. Province sheet import.
  const org = await c.orgs.create({ slug: 'province', name: 'สำนักงานจังหวัดทดสอบ', website: 'https://www.province.go.th' });
  const header = 'ข้อ,หน่วยงาน,ชื่อ-สกุล,ตำแหน่ง,บทบาท,กำหนดส่ง';
  const lines = [header];
  const roles = ['ผู้จัดทำ', 'ผู้กำกับติดตาม', 'ผู้รับรอง'];
  for (let item = 1; item <= 35; item++) {
    for (let unit = 1; unit <= 32; unit++) {
      for (let r = 0; r < 3; r++) {
        const person = r === 0 ? `นางสาวผู้จัดทำ หน่วย${unit}` : r === 1 ? `นายผู้กำกับ หน่วย${unit}` : 'นายผู้รับรอง จังหวัด';
        lines.push(`O${item},สำนักงานส่วนราชการที่ ${unit},${person},นักวิเคราะห์นโยบายและแผน,${roles[r]},31/03/2568`);
      }
    }
  }
  const bytes = new TextEncoder().encode(lines.join('\n'));
  const rows = lines.length - 1;
  const t0 = performance.now();
  const summary = await c.imports.importSheet(cliActor(org.id), { fileName: 'province.csv', bytes, year: YEAR });
  const importMs = performance.now() - t0;
  const t1 = performance.now();
  const again = await c.imports.importSheet(cliActor(org.id), { fileName: 'province.csv', bytes, year: YEAR });
  const reimportMs = performance.now() - t1;
  console.log(`import: ${rows} rows in ${importMs.toFixed(0)} ms = ${Math.round(rows / (importMs / 1000))} rows/s ` +
    `(${summary.assignmentsCreated} assignments, ${summary.peopleAdded} people links); peak RSS ${mb(peakRss())}`);
  console.log(`re-import (no changes: ${again.unchanged}): ${reimportMs.toFixed(0)} ms`);

  // 2. National scale.
  const t2 = performance.now();
  const loaded = await loadNationalScale(database.db, { orgs: 8_300, itemsPerOrg: 36, year: 2568 });
  console.log(`loaded ${loaded.assignments.toLocaleString()} assignments for ${loaded.orgs.toLocaleString()} organizations in ${((performance.now() - t2) / 1000).toFixed(1)} s`);

  const samples = 400;
  const officerMs: number[] = [];
  const pendingMs: number[] = [];
  let seen = 0;
  for (let i = 0; i < samples; i++) {
    const pick = loaded.sample(i);
    const actor: Actor = { kind: 'officer', orgId: pick.orgId, officerId: pick.officerId, isAdmin: false };
    let s = performance.now();
    seen += (await c.assignments.openForOfficer(actor, pick.officerId, pick.cycleId)).length;
    officerMs.push(performance.now() - s);
    s = performance.now();
    seen += (await c.assignments.pending(actor, { cycleId: pick.cycleId })).length;
    pendingMs.push(performance.now() - s);
  }
  const fmt = (p: ReturnType<typeof percentiles>) => `p50 ${p.p50.toFixed(2)} ms, p95 ${p.p95.toFixed(2)} ms, p99 ${p.p99.toFixed(2)} ms (n=${p.n})`;
  console.log(`officer's open items:       ${fmt(percentiles(officerMs))}`);
  console.log(`organization's pending items: ${fmt(percentiles(pendingMs))}`);
  console.log(`(rows returned across samples: ${seen}); peak RSS ${mb(peakRss())}`);
  console.log('target: both p95 < 20 ms');
} finally {
  await database.close();
  await pg.stop();
}
