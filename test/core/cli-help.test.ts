import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildCli } from '../../src/cli.ts';
import { commandPath, localiseHelp } from '../../src/cli/help.ts';
import type { Lang } from '../../src/messages/index.ts';

const THAI = /[\u0E00-\u0E7F]/;
function cli(lang: Lang) {
  const program = buildCli();
  localiseHelp(program, lang);
  return program;
}
function texts(program: Command) {
  const out: Array<{ where: string; text: string }> = [];
  const visit = (c: Command) => {
    out.push({ where: commandPath(c) || '(program)', text: c.description() });
    for (const o of c.options) out.push({ where: `${commandPath(c)} ${o.flags}`, text: o.description });
    c.commands.forEach(visit);
  };
  visit(program);
  return out;
}
const find = (program: Command, path: string) => path.split(' ').reduce((c, n) => c.commands.find((x) => x.name() === n)!, program);

describe('the CLI speaks Thai by default', () => {
  it('every command and every option has a Thai description', () => {
    const english = texts(cli('th')).filter((t) => !THAI.test(t.text));
    expect(english).toEqual([]);
  });

  it("commander's own words are Thai too: headings, defaults, the help option", () => {
    const help = find(cli('th'), 'link-code').helpInformation();
    expect(help).toContain('วิธีใช้: ita-oit link-code');
    expect(help).toContain('ตัวเลือก:');
    expect(help).toContain('(ค่าเริ่มต้น: 7)');
    expect(help).toContain('แสดงวิธีใช้คำสั่ง');
    expect(help).not.toMatch(/Usage:|Options:|default:|display help/);
  });

  it('a missing option or an unknown command is explained in Thai', async () => {
    const program = cli('th');
    const errs: string[] = [];
    const capture = (c: Command) => {
      c.exitOverride().configureOutput({ writeErr: (s) => errs.push(s), writeOut: () => {} });
      c.commands.forEach(capture);
    };
    capture(program);
    await expect(program.parseAsync(['node', 'ita-oit', 'link-code'])).rejects.toBeTruthy();
    await expect(program.parseAsync(['node', 'ita-oit', 'link-cod'])).rejects.toBeTruthy();
    expect(errs.join('')).toContain("ผิดพลาด: ต้องระบุตัวเลือก '--org <slug>'");
    expect(errs.join('')).toContain("ผิดพลาด: ไม่รู้จักคำสั่ง 'link-cod'");
    expect(errs.join('')).toContain('(หมายถึง link-code หรือไม่)');
  });

  it('in English (--lang en or LANG=en…) the descriptions are English (Thai only in quoted examples)', () => {
    const thaiLeft = texts(cli('en'))
      .map((t) => ({ ...t, rest: t.text.replace(/"[^"]*"/g, '').replace(/e\.g\..*$/, '') }))
      .filter((t) => THAI.test(t.rest));
    expect(thaiLeft).toEqual([]);
    expect(find(cli('en'), 'link-code').helpInformation()).toContain('Usage: ita-oit link-code');
  });
});
