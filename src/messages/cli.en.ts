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
  },
  orgs: {
    line: (slug: string, name: string, linked: number, total: number, demo: boolean) => `${slug}\t${name}\tLINE linked ${linked}/${total}${demo ? '\t(demo data)' : ''}`,
    empty: 'No organization yet (create one with org add, or demo)',
  },
};
