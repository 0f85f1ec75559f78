import { InvalidArgumentError, type Command } from 'commander';
import type { Container } from '../container.ts';
import { msg } from '../messages/index.ts';
import { cliActor, type Actor } from '../modules/auth/actor.ts';
import type { Role } from '../modules/auth/permissions.ts';
import { parseDue, parseRole } from '../modules/import/import.values.ts';
import { errors } from '../shared/errors.ts';
import { formatThaiDate } from '../shared/thai-date.ts';
import { unitKey } from '../shared/thai-text.ts';
import { withContainer, year } from './support.ts';

const due = (v: string): string | null => {
  if (['-', 'none', 'ไม่มี'].includes(v.trim())) return null;
  const iso = parseDue(v);
  if (!iso) throw new InvalidArgumentError('วันที่ เช่น 31/03/2568, 31 มี.ค. 2568 หรือ 2025-03-31 (- = ไม่มีกำหนด)');
  return iso;
};
const role = (v: string): Role => {
  const r = parseRole(v);
  if (!r) throw new InvalidArgumentError('ผู้จัดทำ / ผู้กำกับติดตาม / ผู้รับรอง');
  return r;
};
const dueText = (d: string | null) => (d ? formatThaiDate(d, 'long') : 'ไม่มีกำหนด');

/** The organization's admin actor, its latest (or given) cycle, and finders by item code, unit and name. */
export async function scope(c: Container, slug: string, y?: number) {
  const org = await c.orgs.bySlug(slug);
  const actor: Actor = cliActor(org.id);
  const cycle = y ? await c.cycles.find(org.id, y) : await c.cycles.latest(org.id);
  if (!cycle) throw errors.notFound('cycle', y ?? '');
  const unitId = async (name: string) => {
    const u = (await c.orgRepo.units(org.id)).find((x) => x.nameKey === unitKey(name));
    if (!u) throw errors.notFound('unit', name);
    return u.id;
  };
  const assignmentsOf = async (item: string, unit?: string) => {
    const { number } = await c.catalog.resolve(cycle.catalogYear, item);
    const rows = await c.assignments.list(actor, { cycleId: cycle.id, itemNumber: number, unitId: unit ? await unitId(unit) : undefined });
    if (rows.length === 0) throw errors.notFound('assignment', `O${number}${unit ? ` ${unit}` : ''}`);
    return rows;
  };
  const one = async (item: string, unit?: string) => {
    const rows = await assignmentsOf(item, unit);
    if (rows.length > 1) throw errors.validation([{ path: 'unit', message: `O${rows[0]!.itemNumber} มีหลายหน่วยงาน (${rows.map((r) => r.unitName).join(', ')}): ระบุ --unit` }]);
    return rows[0]!;
  };
  const officer = (name: string) => c.officers.byName(actor, name);
  return { org, actor, cycle, unitId, assignmentsOf, one, officer };
}

/** The admin's corrections without re-importing: due dates, people, transfers, removal. */
export function registerCorrectionCommands(program: Command) {
  program
    .command('due <date>')
    .description('เปลี่ยนกำหนดส่ง: ข้อเดียว (--item), ทั้งหน่วยงานย่อย (--unit) หรือทั้งรอบ (--all); ผู้จัดทำได้รับแจ้ง')
    .requiredOption('--org <slug>', 'หน่วยงาน')
    .option('--item <code>', 'รหัสข้อ เช่น O5')
    .option('--unit <name>', 'หน่วยงานย่อย')
    .option('--all', 'ทุกข้อของรอบการประเมิน')
    .option('--year <พ.ศ.>', 'รอบการประเมิน (ค่าเริ่มต้น: ล่าสุด)', year)
    .action(async (date: string, o: { org: string; item?: string; unit?: string; all?: boolean; year?: number }) => {
      const to = due(date);
      await withContainer(async (c) => {
        const s = await scope(c, o.org, o.year);
        if (!o.item && !o.unit && !o.all) throw errors.validation([{ path: '--item/--unit/--all', message: 'ระบุอย่างใดอย่างหนึ่ง' }]);
        const r = o.item
          ? await c.corrections.setDue(s.actor, { ids: (await s.assignmentsOf(o.item, o.unit)).map((a) => a.id) }, to)
          : await c.corrections.setDue(s.actor, { filter: { cycleId: s.cycle.id, unitId: o.unit ? await s.unitId(o.unit) : undefined } }, to);
        console.log(`เปลี่ยนกำหนดส่งเป็น ${dueText(to)} แล้ว ${r.changed} จาก ${r.total} รายการ`);
      });
    });

  program
    .command('assign <officer>')
    .description('ให้เจ้าหน้าที่รับผิดชอบข้อหนึ่ง (ได้รับแจ้ง); --remove เพื่อนำออก')
    .requiredOption('--org <slug>', 'หน่วยงาน')
    .requiredOption('--item <code>', 'รหัสข้อ เช่น O5')
    .option('--unit <name>', 'หน่วยงานย่อย (เมื่อข้อนั้นมีหลายหน่วยงาน)')
    .option('--role <role>', 'ผู้จัดทำ / ผู้กำกับติดตาม / ผู้รับรอง', role, 'preparer' as Role)
    .option('--remove', 'นำออกจากข้อนั้น')
    .action(async (name: string, o: { org: string; item: string; unit?: string; role: Role; remove?: boolean }) => {
      await withContainer(async (c) => {
        const m = msg('th');
        const s = await scope(c, o.org);
        const a = await s.one(o.item, o.unit);
        const who = await s.officer(name);
        const changed = o.remove ? await c.corrections.removePerson(s.actor, a.id, who.id, o.role) : await c.corrections.addPerson(s.actor, a.id, who.id, o.role);
        const what = `${who.name} ${o.remove ? 'ไม่ได้เป็น' : 'เป็น'}${m.role[o.role]} ${a.itemCode} (${a.unitName})`;
        console.log(changed ? `${what} แล้ว` : `${what} อยู่แล้ว ไม่มีการเปลี่ยนแปลง`);
      });
    });

  program
    .command('transfer <from> <to>')
    .description('โอนงานที่ยังไม่เสร็จทั้งหมดของเจ้าหน้าที่คนหนึ่งให้อีกคน (เมื่อย้ายหรือเปลี่ยนผู้รับผิดชอบ)')
    .requiredOption('--org <slug>', 'หน่วยงาน')
    .action(async (from: string, to: string, o: { org: string }) => {
      await withContainer(async (c) => {
        const s = await scope(c, o.org);
        const [a, b] = [await s.officer(from), await s.officer(to)];
        const r = await c.corrections.transfer(s.actor, a.id, b.id);
        console.log(`โอนงาน ${r.moved} รายการจาก ${a.name} ให้ ${b.name} แล้ว (รายการที่เสร็จแล้วคงชื่อผู้ทำเดิม)`);
      });
    });

  program
    .command('remove-assignment')
    .description('ลบการมอบหมายข้อหนึ่งของหน่วยงานย่อย (เช่น นำเข้าผิด) บันทึกใน audit log')
    .requiredOption('--org <slug>', 'หน่วยงาน')
    .requiredOption('--item <code>', 'รหัสข้อ')
    .option('--unit <name>', 'หน่วยงานย่อย')
    .option('--yes', 'ยืนยันการลบ')
    .action(async (o: { org: string; item: string; unit?: string; yes?: boolean }) => {
      await withContainer(async (c) => {
        const s = await scope(c, o.org);
        const a = await s.one(o.item, o.unit);
        if (!o.yes) {
          console.error(`จะลบ ${a.itemCode} ${a.itemTitle} (${a.unitName}) พร้อมผู้รับผิดชอบและหลักฐาน: เพิ่ม --yes เพื่อยืนยัน`);
          process.exitCode = 1;
          return;
        }
        await c.corrections.remove(s.actor, a.id);
        console.log(`ลบ ${a.itemCode} (${a.unitName}) แล้ว`);
      });
    });

  const officer = program.command('officer').description('เจ้าหน้าที่: เพิ่ม เปลี่ยนชื่อ ปิดการใช้งาน');
  officer
    .command('add <name>')
    .requiredOption('--org <slug>', 'หน่วยงาน')
    .option('--unit <name>', 'หน่วยงานย่อย')
    .option('--position <position>', 'ตำแหน่ง')
    .action(async (name: string, o: { org: string; unit?: string; position?: string }) => {
      await withContainer(async (c) => {
        const row = await c.officers.add(cliActor((await c.orgs.bySlug(o.org)).id), { name, unit: o.unit, position: o.position });
        console.log(`เพิ่มเจ้าหน้าที่ ${row.name} แล้ว`);
      });
    });
  officer
    .command('rename <name> <newName>')
    .requiredOption('--org <slug>', 'หน่วยงาน')
    .action(async (name: string, newName: string, o: { org: string }) => {
      await withContainer(async (c) => {
        const row = await c.officers.rename(cliActor((await c.orgs.bySlug(o.org)).id), name, newName);
        console.log(`เปลี่ยนชื่อเป็น ${row.name} แล้ว`);
      });
    });
  officer
    .command('deactivate <name>')
    .option('--undo', 'เปิดใช้งานอีกครั้ง')
    .requiredOption('--org <slug>', 'หน่วยงาน')
    .action(async (name: string, o: { org: string; undo?: boolean }) => {
      await withContainer(async (c) => {
        const row = await c.officers.setActive(cliActor((await c.orgs.bySlug(o.org)).id), name, Boolean(o.undo));
        console.log(row.active ? `${row.name} ใช้งานได้แล้ว` : `ปิดการใช้งาน ${row.name} แล้ว (ไม่ได้รับแจ้งเตือน ประวัติยังอยู่)`);
      });
    });

  program
    .command('officers')
    .description('รายชื่อเจ้าหน้าที่ พร้อมสถานะการผูกบัญชี LINE')
    .requiredOption('--org <slug>', 'หน่วยงาน')
    .option('--unlinked', 'เฉพาะผู้ที่ยังไม่ได้ผูกบัญชี LINE')
    .action(async (o: { org: string; unlinked?: boolean }) => {
      await withContainer(async (c) => {
        const rows = await c.officers.list(cliActor((await c.orgs.bySlug(o.org)).id), { unlinked: o.unlinked });
        for (const r of rows) {
          const line = !r.active ? 'ปิดการใช้งาน' : r.reachable ? 'ผูก LINE แล้ว' : r.linked ? 'ติดต่อทาง LINE ไม่ได้ (บล็อก)' : 'ยังไม่ผูก LINE';
          console.log(`${r.name}${r.position ? ` (${r.position})` : ''} · ${r.unitName ?? '-'} · ${line}${r.isAdmin ? ' · ผู้ดูแลระบบ' : ''}`);
        }
        const linked = rows.filter((r) => r.linked).length;
        console.log(`รวม ${rows.length} คน${o.unlinked ? '' : `, ผูกบัญชี LINE แล้ว ${linked} คน`}`);
      });
    });
}
