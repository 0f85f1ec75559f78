import { InvalidArgumentError, type Command } from 'commander';
import { cliActor } from '../modules/auth/actor.ts';
import { parseItemNumber } from '../modules/catalog/item-code.ts';
import { AUDIT_MAX_LIMIT } from '../modules/audit/audit.usecases.ts';
import { parseDue } from '../modules/import/import.values.ts';
import { formatThaiDateTime } from '../shared/thai-date.ts';
import { withContainer } from './support.ts';

const since = (v: string): Date => {
  const iso = parseDue(v);
  if (!iso) throw new InvalidArgumentError('วันที่ เช่น 01/01/2568, 1 ม.ค. 2568 หรือ 2025-01-01');
  return new Date(`${iso}T00:00:00+07:00`);
};
const item = (v: string): number => {
  const n = parseItemNumber(v);
  if (n === null) throw new InvalidArgumentError('รหัสข้อ เช่น O5');
  return n;
};
const limit = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > AUDIT_MAX_LIMIT) throw new InvalidArgumentError(`จำนวนเต็ม 1–${AUDIT_MAX_LIMIT}`);
  return n;
};
const brief = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v).slice(0, 200));

/** Reading the audit log: who did what, when (the organization's, or one item's). */
export function registerAuditCommands(program: Command) {
  program
    .command('audit')
    .description('บันทึกการเปลี่ยนแปลง (ใหม่สุดก่อน): ทั้งหน่วยงาน หรือเฉพาะข้อ (--item)')
    .requiredOption('--org <slug>', 'หน่วยงาน')
    .option('--item <code>', 'รหัสข้อ เช่น O5 (ทุกหน่วยงานย่อยและทุกรอบ)', item)
    .option('--since <date>', 'ตั้งแต่วันที่ เช่น 01/01/2568', since)
    .option('--limit <n>', `จำนวนรายการ (ค่าเริ่มต้น 100, สูงสุด ${AUDIT_MAX_LIMIT})`, limit)
    .action(async (o: { org: string; item?: number; since?: Date; limit?: number }) => {
      await withContainer(async (c) => {
        const org = await c.orgs.bySlug(o.org);
        const rows = await c.auditReader.read(cliActor(org.id), { itemNumber: o.item, since: o.since, limit: o.limit });
        for (const r of rows) {
          const who = r.actorName ? `${r.actorName} (${r.actor})` : r.actor;
          const change = [brief(r.before) && `ก่อน ${brief(r.before)}`, brief(r.after) && `หลัง ${brief(r.after)}`].filter(Boolean).join(' ');
          console.log(`${formatThaiDateTime(r.at)}\t${who}\t${r.action}\t${r.entity}${r.entityId ? `#${r.entityId}` : ''}${change ? `\t${change}` : ''}`);
        }
        console.log(`รวม ${rows.length} รายการ`);
      });
    });
}
