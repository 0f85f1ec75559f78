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
  chartExported: (file: string) => `Exported the progress chart: ${file}`,
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
  links: {
    states: {
      ok: 'working', moved: 'moved (still opens)', broken: 'broken', server_error: 'server error', timeout: 'timed out',
      dns_failure: 'host not found', unreachable: 'unreachable', unsafe: 'refused (internal address)',
    },
    stateLabel(state: string, httpStatus: number | null): string {
      const label = reportsEn.links.states[state] ?? state;
      return httpStatus && state !== 'ok' && state !== 'moved' ? `${label} (${httpStatus})` : label;
    },
    brokenNotice: (code: string, title: string, unit: string, url: string, state: string, open: string) =>
      `Evidence link of ${code} ${title} (${unit}): ${state}\n${url}\nPlease check and fix it: ${open}`,
    checked: (year: number, links: number, urls: number) => `Checked the ${year} evidence links: ${links} links (${urls} URLs)`,
    stateCount: (label: string, n: number) => `  ${label}: ${n}`,
    notified: (n: number) => `told preparers about broken links: ${n} messages`,
    detailWarning: (state: string) => `⚠ last check: ${state}`,
    summaryBroken: (n: number) => `${n} evidence links do not work`,
  },
  chart: {
    title: (org: string, year: number) => `ITA (OIT) progress ${year} · ${org}`,
    subtitle: (date: string, approved: number, all: number, pct: number) => `As of ${date} · approved ${approved} of ${all} (${pct}%)`,
    bands: { approved: 'approved', submitted: 'submitted', inProgress: 'in progress', notStarted: 'not started' },
    bySubIndicator: 'By sub-indicator',
    byUnit: 'By unit',
    rowValue: (approved: number, total: number, pct: number) => `${approved}/${total} (${pct}%)`,
    empty: 'No assignments yet',
  },
  page: {
    title: (org: string, year: number) => `Open data (OIT) ${year} · ${org}`,
    heading: (year: number) => `Open data disclosure (OIT), fiscal year ${year}`,
    subIndicator: (code: string, title: string) => `Sub-indicator ${code} ${title}`,
    noLinkYet: 'being updated',
    updated: (date: string) => `As of ${date} · Integrity and Transparency Assessment (ITA)`,
    notFound: 'Not found (this page is not published)',
    published: (slug: string, year: number, url: string) => `Published the ITA page of ${slug} for ${year}: ${url}`,
    unpublished: (slug: string, year: number) => `Unpublished the ITA page of ${slug} for ${year} (answers 404)`,
    exported: (file: string, bytes: number) => `Exported the ITA page as one file: ${file} (${Math.round(bytes / 1024)} KB)`,
  },
};
