import type { reportsTh } from './reports.th.ts';

/** English texts of exports, chart, public page, link health and rollover. Mounted as `reports` in en.ts. */
export const reportsEn: typeof reportsTh = {
  itasSheetName: 'ITAS',
  statusSheetName: 'Status',
  col: {
    item: 'Item',
    title: 'Information',
    has: 'Yes/No',
    urls: 'URL',
    explanation: 'Explanation',
    itasStatus: 'Status (before ITAS entry)',
    mainUnits: 'Main responsible units',
    coUnits: 'Co-responsible units',
    preparers: 'Preparers (position)',
    supervisors: 'Supervisors',
    certifiers: 'Certifiers',
    status: 'Status',
    due: 'Due',
    lastReturn: 'Last return comment',
  },
  yes: 'Yes',
  no: 'No',
  notApplicableReason: (reason: string) => (/^\s*(ไม่มี|none)/i.test(reason) ? reason.trim() : `None, because ${reason.trim()}`),
  ready: 'Ready',
  unassigned: 'Not assigned',
  notYetFinal: (units: string) => `Not yet approved: ${units}`,
  exported: (kind: string, file: string, rows: number) => `Exported ${kind}: ${file} (${rows} items)`,
  kinds: { itas: 'ITAS sheet', status: 'status report', chart: 'progress chart', page: 'ITA page' },
  rollover: {
    head: (dry: boolean, from: number, to: number) => (dry ? `Rollover ${from} → ${to}, dry run (nothing written)` : `Rolled over ${from} → ${to}`),
    cycleCreated: (to: number) => `created the ${to} cycle`,
    counts: (created: number, kept: number, people: number, hints: number) =>
      `new assignments ${created}, already there (left as they were) ${kept}, people added ${people}, last year's links as hints ${hints}`,
    kinds: { equal: 'equal', merged: 'merged', split: 'split', new: 'new, nobody assigned yet', dropped: 'dropped' },
    line: (kind: string, to: string | null, from: string, title: string | null, units: number) =>
      `  ${kind}: ${from}${to ? ` → ${to}` : ''}${title ? ` ${title}` : ''}${units ? ` (${units} units)` : ''}`,
    inferred: '(inferred from titles)',
    nothing: 'nothing changed (already rolled over)',
    sources: (s: string) => `mapping sources: ${s}`,
  },
};
