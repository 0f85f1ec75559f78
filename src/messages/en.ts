import { issueEn } from './validation.en.ts';
import { cliHelpEn } from './cli-help.en.ts';
import { appliedEn } from './applied.en.ts';
import type { th } from './th.ts';
import { catalogEn } from './catalog.en.ts';
import { importEn } from './import.en.ts';
import { liffEn } from './liff.en.ts';
import { cliEn } from './cli.en.ts';
import { lineEn } from './line.en.ts';
import { remindersEn } from './reminders.en.ts';
import { reportsEn } from './reports.en.ts';
import { workflowEn } from './workflow.en.ts';
import { deliveryEn } from './delivery.en.ts';

type P = Record<string, any>;

/** English texts, same keys as Thai. */
export const en: typeof th = {
  errors: {
    VALIDATION_FAILED: (p: P) => `Invalid input: ${(p.issues ?? []).map((i: P) => `${i.path ? `${i.path}: ` : ''}${issueEn(i)}`).join('; ')}`,
    NOT_FOUND: (p: P) => `${p.entity ?? 'Record'} not found${p.id !== undefined ? ` (${p.id})` : ''}`,
    UNAUTHORIZED: () => 'Authentication required (token missing, invalid or revoked)',
    FORBIDDEN: (p: P) => (p.action === 'manage_catalogs'
      ? 'You may not load catalogs (shared by every organization of this deployment): use the CLI or a token created with "token create --catalogs"'
      : `You may not ${p.action ?? 'do that to'} this item`),
    ITEM_CODE_INVALID: (p: P) => `"${p.input}" is not an ITA item code (e.g. O12)`,
    ITEM_OUT_OF_RANGE: (p: P) => `No item "${p.input}" in ${p.year}: ${p.year} has O1–O${p.max}`,
    CATALOG_MISSING: (p: P) => `No catalog for ${p.year} (available: ${(p.available ?? []).join(', ')}): load one with "catalog import <file> --year ${p.year}", or let this year's cycle use another year's catalog with "cycle catalog"`,
    CATALOG_VERSION_MISSING: (p: P) => `The ${p.year} catalog has no version ${p.version}`,
    CATALOG_PIN_IN_USE: (p: P) => `The ${p.year} cycle already has ${p.assignments} assignments on the ${p.catalogYear} catalog; it cannot move to another year's catalog (another version of the same year is fine)`,
    ILLEGAL_TRANSITION: (p: P) => `Cannot ${p.action} an item that is ${p.from}`,
    REASON_REQUIRED: (p: P) => (p.action === 'mark_not_applicable' ? 'A reason is required' : 'A comment is required when returning'),
    EVIDENCE_REQUIRED: () => 'Add at least one evidence URL before submitting',
    STALE_VERSION: () => 'Someone else just changed this item; open the latest version (type its code, e.g. O12) and try again',
    ORG_EXISTS: (p: P) => `Organization "${p.slug}" already exists`,
    ALIAS_INVALID: (p: P) => (p.reason === 'circle' ? `"${p.alias}" would point back to itself` : p.reason === 'same' ? `"${p.alias}" already is the name to use` : 'both the name found and the name to use are required'),
    NEAR_DUPLICATES: (p: P) => `${(p.pairs ?? []).length} pairs of similar names may be the same unit or person, so nothing was imported: confirm with "unit alias" / "officer alias" (or an aliases sheet) or import them as separate with --keep-separate (see them with --dry-run)`,
    IMPORT_FAILED: (p: P) => `Import failed with ${(p.rowErrors ?? []).length} error(s); nothing was saved`,
    UNSUPPORTED_FILE: (p: P) => `Unsupported file "${p.name}" (use .csv or .xlsx)`,
    URL_INVALID: (p: P) => `"${p.url}" is not a valid link (${({ syntax: 'malformed; copy it from the browser address bar', space: 'it contains a space: use %20 if the space belongs to the link, or put a description on a new line', credentials: 'it must not contain a user name or password' } as Record<string, string>)[String(p.reason)] ?? 'it must start with https:// or http://'})`,
    PAYLOAD_TOO_LARGE: () => 'Request body too large',
    BAD_JSON: () => 'Request body is not valid JSON',
    INTERNAL: () => 'Internal error, please try again',
    URL_TOO_LONG: (p: P) => `The link is longer than ${p.max} characters (counted after percent-encoding); use a shorter page address`,
    URL_NOT_PUBLIC: (p: P) => `Evidence must be a public web page; "${p.host}" is a local or internal address`,
    URL_DUPLICATE: () => 'This link is already attached to this item',
    ITEM_LOCKED: (p: P) => `The item is ${p.status}: its evidence and components cannot change until a reviewer returns it`,
    INCOMPLETE_COMPONENTS: (p: P) => `${(p.unticked ?? []).length} of ${p.total} components are not ticked; confirm to submit anyway`,
    COMPONENT_INDEX_INVALID: (p: P) => `There is no component number ${Number(p.index) + 1} (this item has ${p.total})`,
    EVENT_ALREADY_APPLIED: () => 'This command was already recorded (nothing was done twice)',
    INVALID_ID_TOKEN: () => 'Could not verify your LINE sign-in; please sign in again',
    ID_TOKEN_EXPIRED: () => 'Your sign-in has expired; please sign in again',
    NOT_LINKED: () => 'This LINE account is not linked to an officer yet. Ask your ITA admin for a code and send it to the bot: ผูกบัญชี <code>',
    LINE_UNAVAILABLE: () => 'LINE cannot be reached right now; please try again',
    LIFF_NOT_CONFIGURED: () => 'This page is not enabled: the administrator must set LIFF_ID and LINE_LOGIN_CHANNEL_ID. Meanwhile, report through the chat with the bot',
    RATE_LIMITED: (p: P) => `Too many requests; wait ${p.seconds ?? 60} seconds and try again`,
    ROLLOVER_MAPPING_MISSING: (p: P) => `No item mapping from ${p.from} to ${p.to} (available: ${(p.available ?? []).join(', ')})`,
    NOT_PUBLISHED: () => 'Not found (this page is not published)',
    SIMULATOR_LOCAL_ONLY: () => 'The LINE simulator only answers requests from the machine running the server (127.0.0.1): it lets anyone act as any officer',
    ORG_HAS_HISTORY: (p: P) => `Not deleting ${p.slug}: real people have worked in it (${p.linkedOfficers} officers linked to real LINE accounts, ${p.actions} actions by officers or tokens). To delete it anyway, run again with --force`,
    OFFICER_NOT_ON_LINE: (p: P) => `${p.name} cannot receive LINE messages (not linked yet, or has blocked the bot); link them first with link-code`,
  },
  status: {
    not_started: 'not started', in_progress: 'in progress', submitted: 'submitted (awaiting check)',
    checked: 'checked (awaiting certification)', approved: 'certified (complete)', returned: 'returned', not_applicable: 'not applicable',
  },
  role: { preparer: 'preparer', supervisor: 'supervisor', certifier: 'certifier' },
  action: {
    start: 'start', submit: 'submit', check: 'check', approve: 'certify', return: 'return',
    mark_not_applicable: 'mark not applicable', reopen: 'reopen', add_evidence: 'add evidence to', edit_evidence: 'edit the evidence of', tick_components: 'tick the components of',
    view: 'view', import: 'import into', snooze: 'snooze reminders for', manage: 'manage', overview: 'see the overview of', configure: 'configure',
    manage_catalogs: 'load catalogs for',
    delete_organization: 'delete',
  },
  entity: { assignment: 'assignment', organization: 'organization', officer: 'officer', unit: 'unit', cycle: 'cycle', item: 'item', token: 'API token', holiday: 'holiday' },
  importErrors: importEn.errors,
  imports: importEn,
  catalog: catalogEn,
  line: lineEn,
  cli: cliEn,
  cliHelp: cliHelpEn,
  issue: issueEn,
  reminders: remindersEn,
  liff: liffEn,
  reports: reportsEn,
  workflow: workflowEn,
  delivery: deliveryEn,
  applied: appliedEn,
};
