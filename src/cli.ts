import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { registerAuditCommands } from './cli/audit.commands.ts';
import { registerEvidenceCommands } from './cli/evidence.commands.ts';
import { registerCorrectionCommands } from './cli/corrections.commands.ts';
import { registerDeliveryCommands } from './cli/delivery.commands.ts';
import { registerCatalogCommands } from './cli/catalog.commands.ts';
import { registerImportCommands } from './cli/import.commands.ts';
import { registerLineCommands } from './cli/line.commands.ts';
import { registerOrgCommands } from './cli/org.commands.ts';
import { registerReminderCommands } from './cli/reminders.commands.ts';
import { registerReportCommands } from './cli/reports.commands.ts';
import { registerRolloverCommands } from './cli/rollover.commands.ts';
import { registerLinkCommands } from './cli/links.commands.ts';
import { registerPageCommands } from './cli/page.commands.ts';
import { localiseHelp } from './cli/help.ts';
import { cliLang, reportCliError } from './cli/support.ts';
import { registerWorkflowCommands } from './cli/workflow.commands.ts';

/**
 * The command-line entry point: a thin layer over the same use cases as the HTTP API.
 * Run as `npm run cli -- <command>` or `npx ita-oit <command>`.
 */
export function buildCli(): Command {
  const program = new Command('ita-oit').description('ITA OIT tracker: administration commands');
  registerOrgCommands(program);
  registerLineCommands(program);
  registerReminderCommands(program);
  registerReportCommands(program);
  registerRolloverCommands(program);
  registerLinkCommands(program);
  registerPageCommands(program);
  registerWorkflowCommands(program);
  registerCorrectionCommands(program);
  registerImportCommands(program); // after corrections: adds 'alias' to its 'officer' command
  registerAuditCommands(program);
  registerDeliveryCommands(program);
  registerEvidenceCommands(program);
  registerCatalogCommands(program);
  localiseHelp(program, cliLang()); // last: every command registered above gets its help in Thai (or English)
  return program;
}

// Run when started as the CLI (not when a test imports buildCli to read its help).
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildCli()
    .parseAsync(process.argv)
    .catch((e) => {
      process.exitCode = reportCliError(e);
    });
}
