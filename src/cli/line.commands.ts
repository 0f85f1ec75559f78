import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { msg } from '../messages/index.ts';
import { cliActor } from '../modules/auth/actor.ts';
import { buildLinkSheet } from '../modules/line/linking/link-sheet.ts';
import { inboxReport } from '../modules/line/webhook/inbox.report.ts';
import { createGroupCode, createLinkCode, unlinkOfficer } from '../modules/line/linking/linking.cli.ts';
import { cliLang, cliMessages, days, langOption, withContainer } from './support.ts';

/** Linking LINE accounts and groups. */
export function registerLineCommands(program: Command) {
  langOption(program.command('link-code'))
    .description('one-time code an officer sends to the bot ("ผูกบัญชี <code>") to link their LINE account')
    .requiredOption('--org <slug>', 'organization')
    .requiredOption('--officer <name>', 'officer name as in the assignment sheet (honorific optional)')
    .option('--days <n>', 'valid for this many days', days, 7)
    .action(async (o: { org: string; officer: string; days: number }) => {
      await withContainer(async (c) => {
        const r = await createLinkCode(c, { orgSlug: o.org, officerName: o.officer, ttlDays: o.days });
        console.log(r.code);
        console.error(cliMessages().cli.line.linkCode(r.code, r.expiresAt));
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

  langOption(program.command('unlink'))
    .description("remove an officer's LINE link (e.g. a new phone, or to link the account to another organization)")
    .requiredOption('--org <slug>', 'organization')
    .requiredOption('--officer <name>', 'officer name')
    .action(async (o: { org: string; officer: string }) => {
      await withContainer(async (c) => {
        const r = await unlinkOfficer(c, { orgSlug: o.org, officerName: o.officer });
        console.log(cliMessages().cli.line.unlinked(r.wasLinked, r.officerName, r.orgName));
      });
    });

  langOption(program.command('inbox'))
    .description('LINE events waiting for an answer: how many, how long the oldest has waited, requests set aside, events that failed in the last 24 hours (exit code 1 when it needs attention)')
    .action(async () => {
      await withContainer(async (c) => {
        const h = await c.lineBot.inboxHealth();
        console.log(inboxReport(h, cliMessages()));
        if (h.status === 'degraded') process.exitCode = 1;
      });
    });

  langOption(program.command('group-code'))
    .description('one-time code typed in the working group\'s LINE group ("ลงทะเบียน <code>") to register it')
    .requiredOption('--org <slug>', 'organization')
    .option('--days <n>', 'valid for this many days', days, 7)
    .action(async (o: { org: string; days: number }) => {
      await withContainer(async (c) => {
        const r = await createGroupCode(c, { orgSlug: o.org, ttlDays: o.days });
        console.log(r.code);
        console.error(cliMessages().cli.line.groupCode(r.code, r.expiresAt));
      });
    });
}
