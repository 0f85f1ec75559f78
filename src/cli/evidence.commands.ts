import { InvalidArgumentError, type Command } from 'commander';
import type { Container } from '../container.ts';
import type { Actor } from '../modules/auth/actor.ts';
import { cliMessages, langOption, withContainer, year } from './support.ts';
import { scope } from './corrections.commands.ts';

const position = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError(cliMessages().cli.args.position);
  return n;
};

type Where = { org: string; item: string; unit?: string; year?: number };
const where = (cmd: Command) =>
  langOption(cmd).requiredOption('--org <slug>', 'หน่วยงาน').requiredOption('--item <code>', 'รหัสข้อ เช่น O5').option('--unit <name>', 'หน่วยงานย่อย (เมื่อข้อนี้มีหลายหน่วยงาน)').option('--year <พ.ศ.>', 'รอบการประเมิน (ค่าเริ่มต้น: ล่าสุด)', year);

/** An item's evidence links: listed (numbered as the chat numbers them), relabelled, removed; audited. */
export function registerEvidenceCommands(program: Command) {
  where(program.command('evidence').description('ลิงก์หลักฐานของข้อ (ลำดับเดียวกับในแชต)')).action(async (o: Where) => {
    await withContainer(async (c) => {
      const s = await scope(c, o.org, o.year);
      const a = await s.one(o.item, o.unit);
      const links = (await c.assignments.detail(s.actor, a.id)).evidence;
      links.forEach((e, i) => console.log(`${i + 1}. ${e.url}${e.label ? `\t${e.label}` : ''}`));
      console.log(cliMessages().cli.evidence.total(links.length, a.itemCode, a.unitName));
    });
  });

  where(program.command('evidence-remove <n>').description('ลบลิงก์หลักฐานลำดับที่ n ของข้อ (ระหว่างที่ผู้จัดทำยังแก้ไขได้)'))
    .action(async (n: string, o: Where) => {
      await withContainer(async (c) => {
        const s = await scope(c, o.org, o.year);
        const a = await s.one(o.item, o.unit);
        const link = await nth(c, s.actor, a.id, position(n));
        await c.assignments.removeEvidence(s.actor, a.id, link.id);
        console.log(cliMessages().cli.evidence.removed(n, a.itemCode, a.unitName, link.url));
      });
    });

  where(program.command('evidence-label <n> [label...]').description('เปลี่ยนคำอธิบายลิงก์หลักฐานลำดับที่ n (เว้นว่าง = ลบคำอธิบาย)'))
    .action(async (n: string, label: string[], o: Where) => {
      await withContainer(async (c) => {
        const s = await scope(c, o.org, o.year);
        const a = await s.one(o.item, o.unit);
        const link = await nth(c, s.actor, a.id, position(n));
        const after = await c.assignments.relabelEvidence(s.actor, a.id, link.id, label.join(' ') || null);
        console.log(cliMessages().cli.evidence.labelled(n, a.itemCode, after.label));
      });
    });
}

/** The n-th link (1-based, in the order the chat and the item's detail number them). */
async function nth(c: Container, actor: Actor, id: number, n: number) {
  const links = (await c.assignments.detail(actor, id)).evidence;
  const link = links[n - 1];
  if (!link) throw new InvalidArgumentError(cliMessages().cli.evidence.noSuch(links.length, n));
  return link;
}
