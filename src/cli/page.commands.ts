import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { msg, type Lang } from '../messages/index.ts';
import { cliActor } from '../modules/auth/actor.ts';
import { lang } from './reports.commands.ts';
import { withContainer, year } from './support.ts';

/** `org publish` and `export page`: the public ITA page, added to the `org` and `export` groups. */
export function registerPageCommands(program: Command) {
  const group = (name: string) => program.commands.find((c) => c.name() === name) ?? program.command(name);
  group('org')
    .command('publish')
    .description('เผยแพร่หน้า ITA สาธารณะ /public/<slug>/<พ.ศ.> (หรือ --off เพื่อปิด) (publish the public ITA page)')
    .requiredOption('--org <slug>', 'หน่วยงาน (organization)')
    .requiredOption('--year <พ.ศ.>', 'ปีงบประมาณ เช่น 2568', year)
    .option('--off', 'ปิดการเผยแพร่ (unpublish)')
    .option('--lang <th|en>', 'ภาษา (language)', lang, 'th')
    .action(async (o: { org: string; year: number; off?: boolean; lang: Lang }) => {
      await withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        await c.publicPage.setPublished(cliActor(organization.id), o.year, !o.off);
        const t = msg(o.lang).reports.page;
        const base = (c.config.publicBaseUrl ?? `http://${c.config.host}:${c.config.port}`).replace(/\/+$/, '');
        console.log(o.off ? t.unpublished(organization.slug, o.year) : t.published(organization.slug, o.year, `${base}/public/${organization.slug}/${o.year}`));
      });
    });

  group('export')
    .command('page')
    .description('หน้า ITA เป็นไฟล์ HTML ไฟล์เดียว สำหรับวางบนเว็บไซต์ของหน่วยงาน (self-contained HTML)')
    .requiredOption('--org <slug>', 'หน่วยงาน (organization)')
    .requiredOption('--year <พ.ศ.>', 'ปีงบประมาณ เช่น 2568', year)
    .requiredOption('--out <file>', 'ไฟล์ เช่น index.html')
    .option('--lang <th|en>', 'ภาษา (language)', lang, 'th')
    .action(async (o: { org: string; year: number; out: string; lang: Lang }) => {
      await withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        const html = await c.publicPage.exportHtml(cliActor(organization.id), o.year, o.lang);
        writeFileSync(o.out, html);
        console.log(msg(o.lang).reports.page.exported(o.out, Buffer.byteLength(html)));
      });
    });
}
