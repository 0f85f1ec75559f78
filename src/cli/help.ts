import type { Command, Option } from 'commander';
import { msg, type Lang } from '../messages/index.ts';

/** "org add" for the command `ita-oit org add`; "" for the program itself. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/**
 * Puts the help texts of one language (messages/cli-help.*.ts) on every command and option, and
 * commander's own words (Usage, Options, defaults, its error lines) in that language too. The
 * command files keep their own description as the fallback for a text not written yet.
 */
export function localiseHelp(program: Command, lang: Lang): void {
  const t = msg(lang).cliHelp;
  const translate = (s: string) => t.errors.reduce((acc, [pattern, to]) => acc.replace(pattern, to), s);
  const visit = (cmd: Command) => {
    const path = commandPath(cmd);
    const d = t.commands[path];
    if (d) cmd.description(d);
    for (const o of cmd.options) {
      const od = (o.long && (t.options[`${path} ${o.long}`] ?? t.options[o.long])) || undefined;
      if (od) o.description = od;
    }
    cmd.helpOption('-h, --help', t.ui.help);
    if (cmd.commands.length) cmd.helpCommand('help [command]', t.ui.helpCommand);
    cmd.showHelpAfterError(t.ui.afterError);
    cmd.configureOutput({ outputError: (s, write) => write(translate(s)) });
    cmd.configureHelp({
      styleTitle: (s: string) => t.ui.titles[s] ?? s,
      optionDescription: (o: Option) => {
        const extra: string[] = [];
        if (o.argChoices) extra.push(`${t.ui.choices}: ${o.argChoices.join(', ')}`);
        if (o.defaultValue !== undefined && !(o.isBoolean() && o.defaultValue === false)) extra.push(`${t.ui.default}: ${o.defaultValueDescription ?? JSON.stringify(o.defaultValue)}`);
        return extra.length ? `${o.description} (${extra.join(', ')})` : o.description;
      },
    });
    for (const s of cmd.commands) visit(s);
  };
  visit(program);
}
