import type { Command } from 'commander';
import { buildCli } from './src/cli.ts';
const walk = (c: Command, path: string) => {
  console.log(`C\t${path}\t${c.description()}`);
  for (const o of c.options) console.log(`O\t${path} ${o.long}\t${o.description}`);
  for (const s of c.commands) walk(s, (path ? path + ' ' : '') + s.name());
};
walk(buildCli(), '');
