import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../config.ts';
import { createContainer, prepareDatabase, type Container } from '../container.ts';
import { openDatabase } from '../db/client.ts';
import { msg, type Lang, type Messages } from '../messages/index.ts';
import { systemClock } from '../shared/clock.ts';
import { isAppError } from '../shared/errors.ts';

/** Runs one CLI command against the configured database (PGlite or PostgreSQL), then closes it. */
export async function withContainer<T>(fn: (c: Container) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ ...config.database, poolMax: 4 });
  const c = createContainer({ config, database, clock: systemClock });
  try {
    await prepareDatabase(c);
    return await fn(c);
  } finally {
    await database.close();
  }
}

/**
 * The CLI's language: Thai unless `--lang en` (an option of the commands that print text, see
 * langOption) or an English locale (LC_ALL / LANG = en…) asks for English.
 */
export function cliLang(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const asked = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.slice('--lang='.length) : argv[i + 1];
  if (asked) return asked.toLowerCase().startsWith('en') ? 'en' : 'th';
  return /^en/i.test(env.LC_ALL || env.LANG || '') ? 'en' : 'th';
}

export const cliMessages = (): Messages => msg(cliLang());

/** Adds `--lang` to a command that prints text (cliLang reads it). */
export const langOption = (cmd: Command): Command => cmd.option('--lang <th|en>', 'ภาษา: th (ค่าเริ่มต้น) หรือ en');

export const year = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 2500 || n > 2700) throw new InvalidArgumentError(cliMessages().cli.args.year);
  return n;
};

export const days = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 30) throw new InvalidArgumentError(cliMessages().cli.args.days);
  return n;
};

export const list = (v: string) => v.split(',').map((x) => Number(x.trim()));

export const isoNow = (v: string) => {
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new InvalidArgumentError('ISO date-time, e.g. 2025-03-24T09:00:00+07:00');
  return d;
};

/** `--lang th|en` on a command: Thai unless English is asked for. */
export const lang = (v: string): Lang => {
  if (v !== 'th' && v !== 'en') throw new InvalidArgumentError(cliMessages().cli.args.lang);
  return v;
};

/**
 * Runs a command's body and prints its AppError in the command's language (row errors of an
 * import one per line) with exit code 1.
 */
export async function inLang(l: Lang, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    process.exitCode = reportCliError(e, l);
  }
}

/** Prints an AppError the way a user understands it (Thai by default), with row errors for imports. */
export function reportCliError(e: unknown, l: Lang = cliLang()): number {
  if (isAppError(e)) {
    console.error(msg(l).errors[e.code](e.params));
    const rows = e.params.rowErrors as Array<{ row: number; column: string; reason: string }> | undefined;
    for (const r of rows ?? []) console.error(msg(l).cli.args.rowError(r.row, r.column, r.reason));
    // Near-duplicates: the pairs, each with the alias command that settles it.
    const pairs = e.params.pairs as Array<{ kind: string; a: { name: string }; b: { name: string }; suggestion: { alias: string; to: string } }> | undefined;
    for (const p of pairs ?? []) console.error(`  ${p.kind} "${p.a.name}" ≈ "${p.b.name}": ${p.kind} alias "${p.suggestion.alias}" --to "${p.suggestion.to}"`);
    return 1;
  }
  console.error((e as Error).message ?? e);
  return 1;
}

