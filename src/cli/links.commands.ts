import type { Command } from 'commander';
import { msg, type Lang } from '../messages/index.ts';
import { cliActor } from '../modules/auth/actor.ts';
import { lang } from './reports.commands.ts';
import { withContainer, year } from './support.ts';

/** links check --org [--year]: check every evidence URL now (SSRF-safe, polite to each host). */
export function registerLinkCommands(program: Command) {
  const links = program.command('links').description('ลิงก์หลักฐาน (evidence links)');
  links
    .command('check')
    .description('ตรวจลิงก์หลักฐานทุกลิงก์ตอนนี้ (check every evidence URL now)')
    .requiredOption('--org <slug>', 'หน่วยงาน (organization)')
    .option('--year <พ.ศ.>', 'ปีงบประมาณ (ปีล่าสุดถ้าไม่ระบุ)', year)
    .option('--lang <th|en>', 'ภาษา (language)', lang, 'th')
    .action(async (o: { org: string; year?: number; lang: Lang }) => {
      await withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        const s = await c.links.check(cliActor(organization.id), o.year);
        const t = msg(o.lang).reports.links;
        console.log(t.checked(s.year, s.checked, s.urls));
        for (const [state, n] of Object.entries(s.byState)) console.log(t.stateCount(t.states[state] ?? state, n ?? 0));
        if (s.notified) console.log(t.notified(s.notified));
        await c.links.close();
      });
    });
}
