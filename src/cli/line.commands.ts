import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { msg } from '../messages/index.ts';
import { cliActor } from '../modules/auth/actor.ts';
import { buildLinkSheet } from '../modules/line/linking/link-sheet.ts';
import { createGroupCode, createLinkCode, unlinkOfficer } from '../modules/line/linking/linking.cli.ts';
import { formatThaiDateTime } from '../shared/thai-date.ts';
import { cliLang, days, langOption, withContainer } from './support.ts';

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

  langOption(
    program
      .command('link-codes')
      .description('แผ่นรหัสผูกบัญชีสำหรับพิมพ์ (HTML ขนาด A4): ทุกคนในหน่วยงาน คนละการ์ด พร้อม QR ที่เปิดแชตกับบอทโดยพิมพ์ "ผูกบัญชี <รหัส>" ไว้ให้')
      .requiredOption('--org <slug>', 'หน่วยงาน')
      .requiredOption('--out <file>', 'ไฟล์ HTML ที่จะเขียน เช่น link-codes.html')
      .option('--unlinked', 'เฉพาะผู้ที่ยังไม่ได้ผูกบัญชี LINE')
      .option('--days <n>', 'ใช้ได้กี่วัน', days, 7),
  ).action(async (o: { org: string; out: string; unlinked?: boolean; days: number }) => {
    const l = cliLang();
    const t = msg(l).cli.linkSheet;
    await withContainer(async (c) => {
      const org = await c.orgs.bySlug(o.org);
      const deps = { officers: c.officers, linking: c.lineBot.linking, line: c.line, botBasicId: c.config.line.botBasicId };
      const sheet = await buildLinkSheet(deps, cliActor(org.id), { orgName: org.name, unlinked: o.unlinked, ttlDays: o.days, lang: l });
      writeFileSync(o.out, sheet.html);
      console.log(t.written(o.out, sheet.cards));
      console.error(sheet.basicId ? t.withQr(sheet.basicId) : t.withoutQr);
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
