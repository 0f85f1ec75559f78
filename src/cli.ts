import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from './config.ts';
import { createContainer, prepareDatabase, type Container } from './container.ts';
import { openDatabase } from './db/client.ts';
import { msg } from './messages/index.ts';
import { cliActor } from './modules/auth/actor.ts';
import { loadDemo } from './modules/demo/demo.usecases.ts';
import { createGroupCode, createLinkCode, unlinkOfficer } from './modules/line/linking.usecases.ts';
import { formatRunResult, runReminders, runSummary } from './modules/reminders/reminders.cli.ts';
import { formatThaiDateTime } from './shared/thai-date.ts';
import { systemClock } from './shared/clock.ts';
import { isAppError } from './shared/errors.ts';

/**
 * The command-line entry point: a thin layer over the same use cases as the HTTP API.
 * Run as `npm run cli -- <command>` or `npx ita-oit <command>`.
 */
async function withContainer<T>(fn: (c: Container) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir, poolMax: 4 });
  const c = createContainer({ config, database, clock: systemClock });
  try {
    await prepareDatabase(c);
    return await fn(c);
  } finally {
    await database.close();
  }
}

const year = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 2500 || n > 2700) throw new InvalidArgumentError('ปีงบประมาณ พ.ศ. เช่น 2568');
  return n;
};

const days = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 30) throw new InvalidArgumentError('จำนวนวันเต็ม 1–30');
  return n;
};

export function buildCli(): Command {
  const program = new Command('ita-oit').description('ITA OIT tracker: administration commands').showHelpAfterError();

  const org = program.command('org').description('organizations');
  org
    .command('add <slug>')
    .description('create an organization')
    .requiredOption('--name <name>', 'full name, e.g. "สำนักงานจังหวัดระยอง"')
    .option('--website <url>', 'main website (its domain is where evidence should live)')
    .action(async (slug: string, o: { name: string; website?: string }) => {
      await withContainer(async (c) => {
        const created = await c.orgs.create({ slug, name: o.name, website: o.website });
        console.log(`created organization ${created.slug} (id ${created.id}): ${created.name}`);
      });
    });

  program
    .command('import <file>')
    .description('import an assignment sheet (.csv or .xlsx); all rows apply or none')
    .requiredOption('--org <slug>', 'organization')
    .requiredOption('--year <พ.ศ.>', 'fiscal year, e.g. 2568', year)
    .option('--dry-run', 'validate and report without writing')
    .action(async (file: string, o: { org: string; year: number; dryRun?: boolean }) => {
      await withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        const bytes = new Uint8Array(readFileSync(file));
        const bar = process.stderr.isTTY ? new SingleBar({ format: '{phase} [{bar}] {value}/{total}', stream: process.stderr }, Presets.shades_classic) : null;
        let phase = '';
        const summary = await c.imports.importSheet(
          cliActor(organization.id),
          { fileName: basename(file), bytes, year: o.year, dryRun: o.dryRun },
          (done, total, p) => {
            if (!bar) return;
            if (p !== phase) {
              if (phase) bar.stop();
              phase = p;
              bar.start(total, 0, { phase: p === 'validate' ? 'checking' : 'writing ' });
            }
            bar.update(done, { phase: p === 'validate' ? 'checking' : 'writing ' });
          },
        );
        bar?.stop();
        printImportSummary(summary);
      });
    });

  const token = program.command('token').description('admin API tokens');
  token
    .command('create')
    .description('create an admin API token (shown once; only its hash is stored)')
    .requiredOption('--org <slug>', 'organization')
    .option('--label <label>', 'what the token is for', 'admin')
    .action(async (o: { org: string; label: string }) => {
      await withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        const t = await c.auth.createToken(organization.id, o.label);
        console.log(t.token);
        console.error(`token ${t.id} for ${organization.slug}: keep it secret; use as "Authorization: Bearer <token>"`);
      });
    });

  program
    .command('admin <officer>')
    .description('make an officer an organization admin (or --revoke)')
    .requiredOption('--org <slug>', 'organization')
    .option('--revoke', 'take the rights away')
    .action(async (officer: string, o: { org: string; revoke?: boolean }) => {
      await withContainer(async (c) => {
        const organization = await c.orgs.bySlug(o.org);
        const row = await c.orgs.setAdmin(cliActor(organization.id), officer, !o.revoke);
        console.log(`${row.name}: ${row.isAdmin ? 'organization admin' : 'no longer an admin'} of ${organization.slug}`);
      });
    });

  program
    .command('demo')
    .description('load an invented demo agency (org "demo") with assignments, to try the bot and simulator')
    .action(async () => {
      await withContainer(async (c) => {
        const r = await loadDemo(c);
        console.log(r.created ? `demo organization "${r.orgSlug}" created with ${r.assignments} assignments` : `demo organization "${r.orgSlug}" already exists`);
      });
    });

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

  const isoNow = (v: string) => {
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) throw new InvalidArgumentError('ISO date-time, e.g. 2025-03-24T09:00:00+07:00');
    return d;
  };
  for (const [name, what, run] of [
    ['remind', 'plan and send the reminders and escalations due at --now, once', runReminders],
    ['summary', 'plan and send the daily summaries due at --now, once', runSummary],
  ] as const) {
    program
      .command(name)
      .description(what)
      .option('--now <ISO datetime>', 'act as if it were this time', isoNow)
      .option('--dry-run', 'print what would be sent; write and send nothing')
      .action(async (o: { now?: Date; dryRun?: boolean }) => {
        await withContainer(async (c) => {
          const r = await run(c, { now: o.now ?? new Date(), dryRun: Boolean(o.dryRun) });
          console.log(formatRunResult(r));
        });
      });
  }

  return program;
}

function printImportSummary(s: Awaited<ReturnType<Container['imports']['importSheet']>>) {
  const head = s.dryRun ? 'dry run (nothing written)' : 'imported';
  console.log(`${head}: ${s.rows} rows for ${s.year}${s.cycleCreated ? ' (new cycle created)' : ''}`);
  if (s.unchanged) {
    console.log('  nothing changed');
    return;
  }
  console.log(`  units created: ${s.unitsCreated}`);
  console.log(`  officers created: ${s.officersCreated}, updated: ${s.officersUpdated}`);
  console.log(`  assignments created: ${s.assignmentsCreated}, updated: ${s.assignmentsUpdated}`);
  console.log(`  people added to assignments: ${s.peopleAdded}`);
}

/** Prints an AppError the way a user understands it (Thai), with row errors for imports. */
export function reportCliError(e: unknown): number {
  if (isAppError(e)) {
    console.error(msg('th').errors[e.code](e.params));
    const rows = e.params.rowErrors as Array<{ row: number; column: string; reason: string }> | undefined;
    for (const r of rows ?? []) console.error(`  แถว ${r.row} คอลัมน์ ${r.column}: ${r.reason}`);
    return 1;
  }
  console.error((e as Error).message ?? e);
  return 1;
}

buildCli()
  .parseAsync(process.argv)
  .catch((e) => {
    process.exitCode = reportCliError(e);
  });
