import type { catalogTh } from './catalog.th.ts';

/** Texts of catalog import/export and cycle pinning (src/modules/catalog), English. */
export const catalogEn: typeof catalogTh = {
  errors: {
    missingColumns: (a: string, b: string) => `no header row with the columns "${a}" and "${b}"`,
    badCode: (v: string) => `"${v}" is not an item code (e.g. O1, O12)`,
    codeRequired: 'an item code is required (or put this row under its item)',
    conflict: (code: string, a: string, b: string) => `${code} has conflicting values ("${a}" and "${b}")`,
    badSub: (v: string) => `invalid sub-indicator "${v}" (e.g. 9.1 ข้อมูลพื้นฐาน)`,
    badIndicator: (v: string) => `invalid indicator "${v}" (9 or 10)`,
    required: (code: string) => `${code}: required`,
    noComponents: (code: string) => `${code} needs at least one component`,
    unknownSub: (code: string) => `sub-indicator ${code} has no title: write it once as "${code} <title>"`,
    subMismatch: (code: string, sub: string, indicator: number) => `${code}: sub-indicator ${sub} is not part of indicator ${indicator}`,
    gap: (n: number, next: string) => `numbering gap: O${n} is missing (next is ${next}); items must run O1, O2, … without gaps`,
    duplicate: (code: string) => `${code} appears twice`,
    duplicateSub: (code: string) => `sub-indicator ${code} appears twice`,
    empty: 'the file has no items',
    notJson: 'the .json file is not valid JSON',
    jsonShape: (path: string, message: string) => `the JSON does not match the catalog format at ${path || '(root)'}: ${message}`,
    yearMismatch: (fileYear: number, year: number) => `the file is the ${fileYear} catalog but was imported as ${year}`,
  },
  cli: {
    outcome: {
      created: (y: number, v: number) => `created the ${y} catalog (version ${v})`,
      unchanged: (y: number, v: number) => `the ${y} catalog, version ${v}, is identical: nothing changed`,
      replaced: (y: number, v: number) => `corrected the ${y} catalog, version ${v}, in place (no assignment uses it yet)`,
      versioned: (y: number, v: number) => `the ${y} catalog is in use, so this is version ${v}: open items move to it, closed ones keep their version`,
      skipped: (y: number, v: number) => `skipped the built-in ${y} catalog: an admin imported version ${v}`,
    },
    dryRun: 'dry run (nothing saved)',
    contents: (items: number, components: number) => `${items} items, ${components} components`,
    sub: (code: string, title: string, items: string) => `  ${code} ${title}: ${items}`,
    changed: (code: string, fields: string) => `  ${code} changed: ${fields}`,
    added: (codes: string) => `  new items: ${codes}`,
    removed: (codes: string) => `  items gone: ${codes}`,
    repointed: (n: number) => `${n} open assignments move to the new version`,
    stayed: (code: string, n: number) => `  ${code}: ${n} stay on their version (the new one has no such item)`,
    ticks: (kept: number, dropped: number) => `component ticks: ${kept} kept, ${dropped} dropped (component text changed; audited)`,
    fields: {
      code: 'code', title: 'title', indicator: 'indicator', subIndicator: 'sub-indicator', group: 'group', components: 'components',
      notes: 'notes', scoring: 'scoring', dataPeriod: 'data period',
    },
    exported: (file: string, items: number) => `wrote ${file} (${items} items)`,
    listHead: 'year  items  version  origin',
    listRow: (year: number, items: number, version: number, origin: string) => `${year}  ${items}  ${version}  ${origin}`,
    pinned: (year: number, catalogYear: number, version: number | null) =>
      `the ${year} cycle uses the ${catalogYear} catalog${version ? `, version ${version} (pinned: corrections do not move it)` : ' (always its current version)'}`,
    moved: (n: number) => `moved ${n} open assignments to this version`,
  },
};
