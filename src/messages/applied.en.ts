import type { appliedTh } from './applied.th.ts';

/** English of applied.th.ts. */
export const appliedEn: typeof appliedTh = {
  done: (what: string) => `Already recorded: ${what} (nothing was done twice). The item as it is now is below`,
  what: {
    'evidence.add': (code: string) => `evidence link added to ${code}`,
    'evidence.remove': (code: string) => `evidence link removed from ${code}`,
    'evidence.relabel': (code: string) => `link description of ${code} changed`,
    'components.tick': (code: string) => `components of ${code} saved`,
    'snooze.set': (code: string) => `reminders for ${code} snoozed`,
    'assignment.start': (code: string) => `${code} started`,
    'assignment.submit': (code: string) => `${code} submitted for review`,
    'assignment.check': (code: string) => `${code} checked`,
    'assignment.approve': (code: string) => `${code} certified`,
    'assignment.return': (code: string) => `${code} returned`,
    'assignment.mark_not_applicable': (code: string) => `${code} marked as having no data`,
    'assignment.reopen': (code: string) => `${code} reopened`,
  },
  other: (code: string) => `a change to ${code}`,
  generic: 'This command was already recorded (nothing was done twice)',
};
