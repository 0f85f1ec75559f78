import type { cliTh } from './cli.th.ts';

/** English texts of the CLI; same keys as cli.th.ts (dates ISO, as run.header prints them). */
export const cliEn: typeof cliTh = {
  run: {
    header: (dryRun: boolean, date: string, planned: number, kinds: string) => `${dryRun ? 'dry run for' : 'run for'} ${date} (Asia/Bangkok): planned ${planned} (${kinds})`,
    none: 'none',
    kind: { reminder: 'reminder', escalation: 'escalation', summary: 'summary', notice: 'notice', review: 'review card' },
    leased: (rows: number, secs: number) => `${rows} message(s) are held by another run (or one that just crashed); run again in ${secs} s to send them`,
    sent: (sent: number, retried: number, failed: number, expired: number) =>
      `sent ${sent}, retry later ${retried}, failed ${failed}${expired ? `, expired (planned for an earlier day) ${expired}` : ''}`,
  },
  reach: {
    nobody: (org: string, total: number) => `${org}: nobody has linked a LINE account yet: 0 of ${total}, so nothing goes to anyone (issue link codes with link-code)`,
    some: (org: string, linked: number, total: number) => `${org}: ${linked} of ${total} linked to LINE (messages go only to them)`,
  },
  org: {
    created: (slug: string, id: number, name: string) => `created organization ${slug} (id ${id}): ${name}`,
    token: (id: number, slug: string) => `token ${id} for ${slug}: keep it secret; use as "Authorization: Bearer <token>" (shown once)`,
    admin: (name: string, isAdmin: boolean, slug: string) => `${name}: ${isAdmin ? 'organization admin' : 'no longer an admin'} of ${slug}`,
    demoCreated: (slug: string, n: number) => `demo organization "${slug}" created with ${n} assignments`,
    demoExists: (slug: string) => `demo organization "${slug}" already exists`,
    deletePreview: (slug: string, name: string, rows: number, linked: number, actions: number) =>
      `This deletes organization ${slug} (${name}) and all of its data, ${rows} rows${linked || actions ? `, including real work: ${linked} officers linked to real LINE accounts, ${actions} actions by officers or tokens` : ''}`,
    deleteConfirm: (slug: string) => `Type ${slug} to confirm (this cannot be undone): `,
    deleteNotConfirmed: 'Not deleted: what you typed is not the organization slug',
    deleted: (slug: string, rows: number, forced: boolean) => `Deleted organization ${slug} (${rows} rows${forced ? ', real history included (--force)' : ''}); the deletion is in the audit log: org.delete`,
  },
  orgs: {
    line: (slug: string, name: string, linked: number, total: number, demo: boolean) => `${slug}\t${name}\tLINE linked ${linked}/${total}${demo ? '\t(demo data)' : ''}`,
    empty: 'No organization yet (create one with org add, or demo)',
  },
  linkSheet: {
    title: (org: string) => `LINE link codes: ${org}`,
    intro: 'Scan the QR code with the phone camera or LINE, then send the text it types in; or type the text yourself in the 1:1 chat with the bot. Each code works once, for the person named only.',
    introNoQr: 'Type the framed text in the 1:1 chat with the bot. Each code works once, for the person named only.',
    noQr: "No QR codes: LINE_BOT_BASIC_ID (the bot's LINE ID, e.g. @123abcde) is not set and LINE is not connected. Type the framed text in the chat with the bot.",
    send: 'Send to the bot',
    unit: 'Unit',
    noUnit: 'no unit',
    expires: (at: string) => `valid until ${at}`,
    relink: 'Already linked: this code links anew (e.g. a new phone)',
    empty: 'No officer needs a code',
    written: (file: string, n: number) => `Wrote link codes for ${n} people to ${file} (open it in a browser and print on A4). Their earlier unused codes no longer work.`,
    withQr: (id: string) => `QR codes open the chat with ${id} with "ผูกบัญชี <code>" typed in`,
    withoutQr: "No QR codes on the sheet: set LINE_BOT_BASIC_ID (the bot's LINE ID, e.g. @123abcde) or LINE_CHANNEL_ACCESS_TOKEN and run again",
  },
  reminders: {
    policyTitle: (saved: boolean, slug: string, year?: number) => `${saved ? 'saved: ' : ''}reminder policy in force for ${slug}${year ? ` (fiscal year ${year})` : ''}`,
    weekdays: ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    onDueDay: 'on the due date',
    daysBefore: (d: number) => `${d} day(s)`,
    offsets: (list: string) => `  reminders before the due date: ${list}`,
    overdue: (cap: number) => `  reminders when overdue: every working day, at most ${cap} day(s)`,
    escalation: (days: number) => `  supervisors are told after ${days} overdue working day(s)`,
    window: (start: string, end: string) => `  send window: ${start}–${end} (Asia/Bangkok)`,
    workdays: (days: string) => `  working days: ${days}`,
    summaryTime: (time: string) => `  daily summary: ${time}`,
    holidayAdded: (date: string, name: string | undefined, slug: string) => `added the holiday ${date}${name ? ` (${name})` : ''} for ${slug}: no reminders or summaries that day`,
    holidayLine: (date: string, name: string | undefined, everyone: boolean) => `${date}\t${name ?? '-'}${everyone ? '\t(every organization)' : ''}`,
    holidayTotal: (n: number) => `${n} day(s) in all`,
    holidayRemoved: (date: string, name: string, slug: string) => `removed the holiday ${date} (${name}) of ${slug}`,
  },
  corrections: {
    badDue: 'a date, e.g. 31/03/2568, 31 มี.ค. 2568 or 2025-03-31 (- = no due date)',
    badRole: 'preparer / supervisor / certifier (ผู้จัดทำ / ผู้กำกับติดตาม / ผู้รับรอง)',
    dueText: (d: string | null) => d ?? 'no due date',
    manyUnits: (item: number, units: string) => `O${item} has several units (${units}): give --unit`,
    pickOne: 'give one of them',
    dueChanged: (due: string, changed: number, total: number) => `due date set to ${due}: ${changed} of ${total} item(s) changed`,
    assigned: (name: string, removed: boolean, role: string, item: string, unit: string, changed: boolean) =>
      `${name} ${removed ? 'is no longer' : 'is'} ${role} of ${item} (${unit})${changed ? '' : ' already: nothing changed'}`,
    transferred: (n: number, from: string, to: string) => `moved ${n} item(s) from ${from} to ${to} (finished items keep who did them)`,
    removePreview: (item: string, title: string, unit: string) => `this deletes ${item} ${title} (${unit}) with its people and evidence: add --yes to confirm`,
    removed: (item: string, unit: string) => `deleted ${item} (${unit})`,
    officerAdded: (name: string) => `added the officer ${name}`,
    renamed: (name: string) => `renamed to ${name}`,
    activated: (name: string) => `${name} is active again`,
    deactivated: (name: string) => `deactivated ${name} (no more reminders; the history stays)`,
    status: { inactive: 'deactivated', reachable: 'LINE linked', blocked: 'unreachable on LINE (blocked)', unlinked: 'LINE not linked' },
    admin: ' · admin',
    officersTotal: (n: number, linked?: number) => `${n} officer(s) in all${linked === undefined ? '' : `, ${linked} linked to LINE`}`,
  },
  tokens: {
    line: (id: number, label: string, created: Date, revoked: Date | null) =>
      `${id}\t${label}\tcreated ${created.toISOString()}\t${revoked ? `revoked ${revoked.toISOString()}` : 'active'}`,
    total: (n: number, active: number) => `${n} token(s) in all (${active} active)`,
    revoked: (id: number, label: string, slug: string) => `revoked token ${id} (${label}) of ${slug}: it can no longer call the API`,
  },
  args: {
    deliveryStatus: (unknown: string[], allowed: readonly string[]) => `unknown status ${unknown.join(', ')}; one of: ${allowed.join(', ')}`,
    year: 'a Buddhist-era fiscal year, e.g. 2568',
    days: 'a whole number of days, 1–30',
    lang: 'th or en',
    auditSince: 'a date, e.g. 01/01/2568, 1 ม.ค. 2568 or 2025-01-01',
    item: 'an item code, e.g. O5',
    limit: (max: number) => `a whole number 1–${max}`,
    date: 'a date, e.g. 01/01/2568 or 2025-01-01',
    position: 'the number of a link, e.g. 1 (see them with the evidence command)',
    sheetFile: 'the file name must end in .xlsx or .csv',
    chartFile: 'the file name must end in .png or .svg',
    steps: '1 (one review step) or 2 (two review steps)',
    rowError: (row: number, column: string, reason: string) => `  row ${row} column ${column}: ${reason}`,
  },
  audit: {
    change: (before: string, after: string) => [before && `before ${before}`, after && `after ${after}`].filter(Boolean).join(' '),
    line: (at: Date, who: string, action: string, entity: string, change: string) => `${at.toISOString()}\t${who}\t${action}\t${entity}${change ? `\t${change}` : ''}`,
    total: (n: number) => `${n} entr(ies) in all`,
  },
  evidence: {
    total: (n: number, item: string, unit: string) => (n ? `${n} link(s) in all (${item} ${unit})` : `${item} ${unit} has no evidence links yet`),
    removed: (n: string, item: string, unit: string, url: string) => `removed evidence link ${n} of ${item} (${unit}): ${url}`,
    labelled: (n: string, item: string, label: string | null) => `link ${n} of ${item}: ${label ?? '(no label)'}`,
    noSuch: (count: number, n: number) => `this item has ${count} evidence link(s); there is no link ${n}`,
  },
  line: {
    linkCode: (code: string, until: Date) => `have the officer send "ผูกบัญชี ${code}" to the bot in a 1:1 chat before ${until.toISOString()} (single use)`,
    unlinked: (wasLinked: boolean, officer: string, org: string) => (wasLinked ? `unlinked the LINE account of ${officer} (${org})` : `${officer} has no linked LINE account`),
    groupCode: (code: string, until: Date) => `type "ลงทะเบียน ${code}" in the working group's LINE group before ${until.toISOString()}`,
  },
  inbox: {
    title: (ok: boolean) => (ok ? 'LINE events: ok' : 'LINE events: needs attention'),
    none: 'no message is waiting for an answer',
    waiting: (events: number, unsplit: number, capped: boolean) =>
      `${events.toLocaleString('en-US')}${capped ? ' or more' : ''} event(s) waiting for an answer${unsplit ? ` (of which ${unsplit.toLocaleString('en-US')} request(s) not yet split into events)` : ''}`,
    oldest: (seconds: number) => `the oldest has waited ${englishDuration(seconds)}`,
    stale: (limit: number) =>
      `longer than ${englishDuration(limit)} (INBOX_STALE_SECONDS): senders have no answer yet; check that an instance processing events runs (INBOX_WORKER_ENABLED=true) and can call LINE's API (see the log)`,
    setAside: (n: number) => `${n} stored request(s) could not be split into events and are kept aside (not lost): see the README, "Watching the inbox"`,
    failed: (n: number) => `events that failed for good in the last 24 hours: ${n} (the log says why)`,
  },
};

function englishDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min${seconds % 60 ? ` ${seconds % 60} s` : ''}`;
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return [days && `${days} d`, hours && `${hours} h`, minutes && `${minutes} min`].filter(Boolean).join(' ');
}
