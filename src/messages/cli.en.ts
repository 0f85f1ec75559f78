import type { cliTh } from './cli.th.ts';

/** English texts of the CLI; same keys as cli.th.ts. */
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
};
