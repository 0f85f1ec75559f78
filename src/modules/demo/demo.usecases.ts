import { createHash } from 'node:crypto';
import type { Container } from '../../container.ts';
import { cliActor, type Actor } from '../auth/actor.ts';
import { bangkokDate } from '../../shared/thai-date.ts';

/**
 * Demo data for trying the product on a fresh machine (`npm run cli -- demo`, or the simulator's
 * button): an invented agency with four divisions, invented people, the latest built-in catalog
 * assigned round-robin with due dates around today, a few items already under way, and a
 * registered working-group chat. Everything goes through the real import and workflow.
 */
export const DEMO_SLUG = 'demo';

const UNITS = ['กองยุทธศาสตร์และแผนงาน', 'กองบริหารทรัพยากร', 'กองการศึกษา', 'กองคลัง'];
const PREPARERS = ['นางสาวกมลวรรณ ตัวอย่าง', 'นายปกรณ์ ทดลองใช้', 'นางสุดารัตน์ สาธิตดี', 'นายธนพล ลองระบบ'];
const SUPERVISORS = ['นายวีระ กำกับงาน', 'นางอรุณี ติดตามผล', 'นายสมบัติ ดูแลดี', 'นางพรทิพย์ ตรวจทาน'];
const CERTIFIER = 'นางสาวรัตนา รับรองข้อมูล';

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type DemoDeps = Pick<Container, 'config' | 'clock' | 'database' | 'orgRepo' | 'orgs' | 'catalog' | 'imports' | 'cycles' | 'assignments' | 'lineBot'>;

/**
 * A demo officer's LINE id: shaped like the simulator's (`Usim` + 32 hex digits), which no real
 * LINE user id can be (U + 32 hex digits, nothing else), so nothing is ever pushed to a real
 * person, and forgetSimulatedIds clears it once the service starts with LINE credentials.
 */
export const demoLineId = (name: string) => `Usim${createHash('md5').update(`demo:${name}`).digest('hex')}`;

export async function loadDemo(c: DemoDeps): Promise<{ orgSlug: string; created: boolean; assignments: number; groupId?: string }> {
  const existing = await c.orgRepo.bySlug(DEMO_SLUG);
  if (existing) return { orgSlug: DEMO_SLUG, created: false, assignments: 0 };

  const org = await c.orgs.create({ slug: DEMO_SLUG, name: 'หน่วยงานตัวอย่าง (ข้อมูลสาธิต)', website: 'https://www.demo-agency.go.th' });
  const actor: Actor = cliActor(org.id);
  const year = Math.max(...(await c.catalog.years()).map((y) => y.year));
  const items = await c.catalog.items(year);
  const today = bangkokDate(c.clock.now());

  const rows = [['item', 'unit', 'officer', 'position', 'role', 'due']];
  items.forEach((item, i) => {
    const u = i % UNITS.length;
    const due = addDays(today, -6 + ((i * 5) % 40));
    rows.push([item.code, UNITS[u]!, PREPARERS[u]!, 'นักวิเคราะห์นโยบายและแผน', 'preparer', due]);
    rows.push([item.code, UNITS[u]!, SUPERVISORS[u]!, 'ผู้อำนวยการกอง', 'supervisor', due]);
    rows.push([item.code, UNITS[u]!, CERTIFIER, 'หัวหน้าสำนักปลัด', 'certifier', due]);
  });
  const csv = rows.map((r) => r.join(',')).join('\n');
  const summary = await c.imports.importSheet(actor, { fileName: 'demo.csv', bytes: new TextEncoder().encode(csv), year });

  // Offline, everyone gets a LINE id of their own, so reminders and summaries show up in the
  // simulator; with a real channel, people link themselves with codes.
  if (c.config.line.offline) {
    for (const o of await c.orgRepo.officers(org.id)) await c.lineBot.linkingRepo.setOfficerLineUser(c.database.db, org.id, o.id, demoLineId(o.name));
  }

  // Some progress so lists, summaries and buttons have something to show: the preparers submit,
  // the supervisors check and the certifier certifies, each as themselves (nobody decides their own work).
  const cycle = (await c.cycles.find(org.id, year))!;
  const list = await c.assignments.list(actor, { cycleId: cycle.id });
  const people = await c.assignments.people(actor, list.map((a) => a.id));
  const as = (assignmentId: number, role: 'preparer' | 'supervisor' | 'certifier'): Actor => {
    const p = people.find((x) => x.assignmentId === assignmentId && x.role === role)!;
    return { kind: 'officer', orgId: org.id, officerId: p.officerId, isAdmin: false };
  };
  for (const [i, a] of list.entries()) {
    if (i % 4 === 1) await c.assignments.transition(as(a.id, 'preparer'), a.id, 'start');
    if (i % 4 === 2 || i % 4 === 3) {
      await c.assignments.addEvidence(as(a.id, 'preparer'), a.id, { url: `https://www.demo-agency.go.th/ita/${year}/${a.itemCode.toLowerCase()}`, label: a.itemTitle.slice(0, 80) });
      // Components ticked, all but the last on every other item: reviewers see what was left unticked.
      const n = (await c.assignments.detail(actor, a.id)).item?.components.length ?? 0;
      await c.assignments.setTicks(as(a.id, 'preparer'), a.id, [...Array(i % 8 === 2 ? Math.max(0, n - 1) : n).keys()]);
      await c.assignments.transition(as(a.id, 'preparer'), a.id, 'submit', { confirmIncomplete: true });
      if (i % 8 === 3 || i % 8 === 6) await c.assignments.transition(as(a.id, 'supervisor'), a.id, 'check');
      if (i % 8 === 3) await c.assignments.transition(as(a.id, 'certifier'), a.id, 'approve');
    }
  }
  await c.orgs.setAdmin(actor, CERTIFIER, true);
  return { orgSlug: DEMO_SLUG, created: true, assignments: summary.assignmentsCreated };
}
