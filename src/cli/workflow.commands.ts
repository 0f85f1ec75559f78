import { InvalidArgumentError, type Command } from 'commander';
import { msg } from '../messages/index.ts';
import { cliActor } from '../modules/auth/actor.ts';
import { cliMessages, withContainer } from './support.ts';

const steps = (v: string) => {
  if (v !== '1' && v !== '2') throw new InvalidArgumentError(cliMessages().cli.args.steps);
  return Number(v) as 1 | 2;
};

/** The review workflow's settings. */
export function registerWorkflowCommands(program: Command) {
  program
    .command('review-steps')
    .description('การตรวจรับรองของหน่วยงาน: 2 = ผู้กำกับติดตามตรวจ แล้วผู้รับรองข้อมูลรับรอง (ค่าเริ่มต้น), 1 = ผู้ตรวจคนแรกตัดสิน')
    .requiredOption('--org <slug>', 'หน่วยงาน')
    .option('--steps <1|2>', 'ตั้งค่าใหม่ (ไม่ระบุ: แสดงค่าปัจจุบัน)', steps)
    .action(async (o: { org: string; steps?: 1 | 2 }) => {
      await withContainer(async (c) => {
        const m = msg(c.config.defaultLang);
        const organization = await c.orgs.bySlug(o.org);
        const actor = cliActor(organization.id);
        if (o.steps) await c.orgs.setReviewSteps(actor, o.steps);
        const now = await c.orgs.settings(actor);
        console.log(`${organization.slug}: ${m.workflow.reviewSteps(now.reviewSteps)}`);
      });
    });
}
