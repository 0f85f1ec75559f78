import type { Command } from 'commander';
import { createGroupCode, createLinkCode, unlinkOfficer } from '../modules/line/linking/linking.cli.ts';
import { formatThaiDateTime } from '../shared/thai-date.ts';
import { days, withContainer } from './support.ts';

/** Linking LINE accounts and groups. */
export function registerLineCommands(program: Command) {
  program
    .command('link-code')
    .description('one-time code an officer sends to the bot ("ผูกบัญชี <code>") to link their LINE account')
    .requiredOption('--org <slug>', 'organization')
    .requiredOption('--officer <name>', 'officer name as in the assignment sheet (honorific optional)')
    .option('--days <n>', 'valid for this many days', days, 7)
    .action(async (o: { org: string; officer: string; days: number }) => {
      await withContainer(async (c) => {
        const r = await createLinkCode(c, { orgSlug: o.org, officerName: o.officer, ttlDays: o.days });
        console.log(r.code);
        console.error(`ให้ผู้ใช้ส่ง "ผูกบัญชี ${r.code}" ถึงบอทในแชต 1:1 ภายใน ${formatThaiDateTime(r.expiresAt)} (ใช้ได้ครั้งเดียว)`);
      });
    });

  program
    .command('unlink')
    .description("remove an officer's LINE link (e.g. a new phone, or to link the account to another organization)")
    .requiredOption('--org <slug>', 'organization')
    .requiredOption('--officer <name>', 'officer name')
    .action(async (o: { org: string; officer: string }) => {
      await withContainer(async (c) => {
        const r = await unlinkOfficer(c, { orgSlug: o.org, officerName: o.officer });
        console.log(r.wasLinked ? `ยกเลิกการผูกบัญชี LINE ของ ${r.officerName} (${r.orgName}) แล้ว` : `${r.officerName} ยังไม่ได้ผูกบัญชี LINE`);
      });
    });

  program
    .command('group-code')
    .description('one-time code typed in the working group\'s LINE group ("ลงทะเบียน <code>") to register it')
    .requiredOption('--org <slug>', 'organization')
    .option('--days <n>', 'valid for this many days', days, 7)
    .action(async (o: { org: string; days: number }) => {
      await withContainer(async (c) => {
        const r = await createGroupCode(c, { orgSlug: o.org, ttlDays: o.days });
        console.log(r.code);
        console.error(`พิมพ์ "ลงทะเบียน ${r.code}" ในกลุ่ม LINE ของคณะทำงาน ภายใน ${formatThaiDateTime(r.expiresAt)}`);
      });
    });
}
