import type { liffTh } from './liff.th.ts';

export const liffEn: typeof liffTh = {
  history: {
    'assignment.start': () => 'started',
    'assignment.submit': (p: { unticked?: string[] }) => (p.unticked?.length ? `submitted (${p.unticked.length} component(s) unticked)` : 'submitted'),
    'assignment.approve': () => 'approved',
    'assignment.return': () => 'returned for changes',
    'assignment.mark_not_applicable': () => 'marked not applicable',
    'assignment.reopen': () => 'reopened',
    'evidence.add': () => 'added an evidence link',
    'evidence.relabel': () => 'changed a link description',
    'evidence.remove': () => 'removed an evidence link',
    'components.tick': (p: { ticked?: number[]; total?: number }) => `ticked ${p.ticked?.length ?? 0} of ${p.total ?? '?'} components`,
    'import.assignment.create': () => 'assigned (imported from a sheet)',
    'import.assignment.update': () => 'assignment changed (imported from a sheet)',
  },
  historyOther: (_action: string) => 'updated the item',
  actors: { admin: 'ITA administrator', system: 'system', unknown: 'unknown' },
  warnings: {
    OUTSIDE_ORG_DOMAINS: (p: { host: string; domains: string[] }) =>
      `This link is on ${p.host}, not the organization's main website (${p.domains.join(', ')}); NACC checks the main website, please make sure`,
  },
};
