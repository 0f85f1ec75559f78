import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { cliActor } from '../modules/auth/actor.ts';
import { DEMO_SLUG, loadDemo } from '../modules/demo/demo.usecases.ts';
import { reachability } from '../modules/reminders/reminders.cli.ts';
import { errors } from '../shared/errors.ts';
import { MAX_ID } from '../shared/validate.ts';
import { cliMessages, langOption, withContainer } from './support.ts';

/** Organizations, tokens, admins, demo data (imports: import.commands.ts). */
export function registerOrgCommands(program: Command) {
  const org = program.command('org').description('organizations');
  langOption(org.command('add <slug>'))
    .description('create an organization')
    .requiredOption('--name <name>', 'full name, e.g. "สำนักงานจังหวัดระยอง"')
    .option('--website <url>', 'main website (its domain is where evidence should live)')
    .action(async (slug: string, o: { name: string; website?: string }) => {
      await withContainer(async (c) => {
        const created = await c.orgs.create({ slug, name: o.name, website: o.website });
        console.log(cliMessages().cli.org.created(created.slug, created.id, created.name));
      });
    });

  langOption(org.command('list'))
    .description('every organization, with how many of its officers are linked to LINE')
    .action(async () => {
      await withContainer(async (c) => {
        const m = cliMessages().cli.orgs;
        const orgs = await c.orgRepo.all();
        const reach = new Map((await reachability(c)).map((r) => [r.slug, r]));
        if (orgs.length === 0) console.log(m.empty);
        for (const o of orgs) console.log(m.line(o.slug, o.name, reach.get(o.slug)?.linked ?? 0, reach.get(o.slug)?.total ?? 0, o.slug === DEMO_SLUG));
      });
    });

  langOption(org.command('delete <slug>'))
    .description('ลบหน่วยงานและข้อมูลทั้งหมดของหน่วยงาน (เช่น หน่วยงานสาธิต) ในครั้งเดียว: ถามยืนยันโดยให้พิมพ์รหัสหน่วยงาน ไม่ลบหน่วยงานที่มีประวัติการทำงานจริงเว้นแต่ใช้ --force')
    .option('--yes', 'ไม่ต้องถามยืนยัน')
    .option('--force', 'ลบแม้มีประวัติการทำงานจริง (ผูกบัญชี LINE จริง หรือการดำเนินการโดยเจ้าหน้าที่/โทเค็น)')
    .action(async (slug: string, o: { yes?: boolean; force?: boolean }) => {
      await withContainer(async (c) => {
        const m = cliMessages();
        const actor = cliActor((await c.orgs.bySlug(slug)).id);
        const p = await c.orgDeletion.preview(actor);
        const rows = Object.values(p.rows).reduce((a, b) => a + b, 0);
        console.error(m.cli.org.deletePreview(p.org.slug, p.org.name, rows, p.history.linkedOfficers, p.history.actions));
        if (!o.force && (p.history.linkedOfficers > 0 || p.history.actions > 0)) throw errors.orgHasHistory(p.org.slug, p.history.linkedOfficers, p.history.actions);
        if (!o.yes && (await ask(m.cli.org.deleteConfirm(p.org.slug))).trim() !== p.org.slug) {
          console.error(m.cli.org.deleteNotConfirmed);
          process.exitCode = 1;
          return;
        }
        const r = await c.orgDeletion.delete(actor, { force: o.force });
        console.log(m.cli.org.deleted(r.org.slug, Object.values(r.rows).reduce((a, b) => a + b, 0), Boolean(o.force)));
      });
    });

  const token = program.command('token').description('admin API tokens');
  langOption(token.command('create'))
    .description('create an admin API token (shown once; only its hash is stored)')
    .requiredOption('--org <slug>', 'organization')
    .option('--label <label>', 'what the token is for', 'admin')
    .option('--catalogs', 'may also load catalogs (shared by every organization of this deployment)')
    .action(async (o: { org: string; label: string; catalogs?: boolean }) => {
      await withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        const t = await c.auth.createToken(organization.id, o.label, { catalogs: o.catalogs ?? false });
        console.log(t.token);
        console.error(cliMessages().cli.org.token(t.id, organization.slug));
      });
    });

  langOption(token.command('list'))
    .description('the organization’s admin API tokens (ids and labels; a token itself is never stored)')
    .requiredOption('--org <slug>', 'organization')
    .action(async (o: { org: string }) => {
      await withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        const rows = await c.auth.listTokens(cliActor(organization.id));
        const m = cliMessages().cli.tokens;
        for (const r of rows) console.log(m.line(r.id, r.label, r.createdAt, r.revokedAt));
        console.log(m.total(rows.length, rows.filter((r) => !r.revokedAt).length));
      });
    });
  langOption(token.command('revoke <id>'))
    .description('revoke an admin API token at once (audited)')
    .requiredOption('--org <slug>', 'organization')
    .action(async (id: string, o: { org: string }) => {
      await withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        const n = Number(id);
        if (!Number.isInteger(n) || n < 1 || n > MAX_ID) throw errors.notFound('token', id);
        const r = await c.auth.revokeToken(cliActor(organization.id), n, c.clock.now());
        console.log(cliMessages().cli.tokens.revoked(r.id, r.label, organization.slug));
      });
    });

  langOption(program.command('admin <officer>'))
    .description('make an officer an organization admin (or --revoke)')
    .requiredOption('--org <slug>', 'organization')
    .option('--revoke', 'take the rights away')
    .action(async (officer: string, o: { org: string; revoke?: boolean }) => {
      await withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        const row = await c.orgs.setAdmin(cliActor(organization.id), officer, !o.revoke);
        console.log(cliMessages().cli.org.admin(row.name, row.isAdmin, organization.slug));
      });
    });

  langOption(program.command('demo'))
    .description('load an invented demo agency (org "demo") with assignments, to try the bot and simulator')
    .action(async () => {
      await withContainer(async (c) => {
        const r = await loadDemo(c);
        const O = cliMessages().cli.org;
        console.log(r.created ? O.demoCreated(r.orgSlug, r.assignments) : O.demoExists(r.orgSlug));
      });
    });

}

/** One line typed on stdin (a terminal, or piped: `echo demo | … org delete demo`). */
async function ask(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(prompt);
  } catch {
    return '';
  } finally {
    rl.close();
  }
}

