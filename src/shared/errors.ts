import type { ErrorCode } from '../messages/index.ts';

/**
 * A failure the user can understand. `code` is stable (clients and tests match on it), `status`
 * is the HTTP status, `params` fill the user-facing message, which lives in the messages module.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, unknown>;

  constructor(code: ErrorCode, status: number, params: Record<string, unknown> = {}) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.params = params;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

export const errors = {
  validation: (issues: Array<{ path: string; message?: string } & Record<string, unknown>>) =>
    new AppError('VALIDATION_FAILED', 400, { issues }),
  notFound: (entity: string, id?: string | number) => new AppError('NOT_FOUND', 404, { entity, id }),
  unauthorized: () => new AppError('UNAUTHORIZED', 401),
  forbidden: (action: string) => new AppError('FORBIDDEN', 403, { action }),
  itemCodeInvalid: (input: string) => new AppError('ITEM_CODE_INVALID', 400, { input }),
  itemOutOfRange: (input: string, year: number, max: number) =>
    new AppError('ITEM_OUT_OF_RANGE', 400, { input, year, max }),
  catalogMissing: (year: number, available: number[]) =>
    new AppError('CATALOG_MISSING', 400, { year, available }),
  catalogVersionMissing: (year: number, version: number) => new AppError('CATALOG_VERSION_MISSING', 404, { year, version }),
  /** A cycle with assignments cannot move to another year's catalog (its items are that year's). */
  catalogPinInUse: (year: number, catalogYear: number, assignments: number) =>
    new AppError('CATALOG_PIN_IN_USE', 409, { year, catalogYear, assignments }),
  illegalTransition: (from: string, action: string) =>
    new AppError('ILLEGAL_TRANSITION', 409, { from, action }),
  reasonRequired: (action: string) => new AppError('REASON_REQUIRED', 400, { action }),
  evidenceRequired: () => new AppError('EVIDENCE_REQUIRED', 409),
  staleVersion: () => new AppError('STALE_VERSION', 409),
  orgExists: (slug: string) => new AppError('ORG_EXISTS', 409, { slug }),
  importFailed: (rowErrors: ImportRowError[]) => new AppError('IMPORT_FAILED', 422, { rowErrors }),
  /** Similar names to confirm first (alias) or keep apart (--keep-separate); `pairs` as the dry run lists them. */
  nearDuplicates: (pairs: unknown[]) => new AppError('NEAR_DUPLICATES', 409, { pairs }),
  /** `reason`: 'same' (a name as its own alias), 'circle' (A → B → A), 'empty'. */
  aliasInvalid: (reason: 'same' | 'circle' | 'empty', alias: string) => new AppError('ALIAS_INVALID', 400, { reason, alias }),
  unsupportedFile: (name: string) => new AppError('UNSUPPORTED_FILE', 415, { name }),
  urlInvalid: (url: string, reason: 'scheme' | 'syntax' | 'space' | 'credentials' = 'scheme') => new AppError('URL_INVALID', 400, { url, reason }),
  simulatorLocalOnly: () => new AppError('SIMULATOR_LOCAL_ONLY', 403),
  // Evidence URL rules (assignments/evidence-url.ts).
  urlTooLong: (max: number) => new AppError('URL_TOO_LONG', 400, { max }),
  urlNotPublic: (host: string) => new AppError('URL_NOT_PUBLIC', 400, { host }),
  urlDuplicate: (url: string) => new AppError('URL_DUPLICATE', 409, { url }),
  // Work on an item the preparer no longer holds (submitted, approved…), and submitting with components unticked.
  itemLocked: (status: string) => new AppError('ITEM_LOCKED', 409, { status }),
  incompleteComponents: (unticked: number[], total: number) => new AppError('INCOMPLETE_COMPONENTS', 409, { unticked, total }),
  componentIndexInvalid: (index: number, total: number) => new AppError('COMPONENT_INDEX_INVALID', 400, { index, total }),
  /** A retried LINE event whose effect already committed (audit.ts): nothing was done again. */
  eventAlreadyApplied: () => new AppError('EVENT_ALREADY_APPLIED', 409),
  // The LIFF page's sign-in (auth/id-token.ts, liff-api).
  invalidIdToken: () => new AppError('INVALID_ID_TOKEN', 401),
  idTokenExpired: () => new AppError('ID_TOKEN_EXPIRED', 401),
  notLinked: () => new AppError('NOT_LINKED', 403),
  lineUnavailable: () => new AppError('LINE_UNAVAILABLE', 503),
  liffNotConfigured: () => new AppError('LIFF_NOT_CONFIGURED', 503),
  rateLimited: (seconds: number) => new AppError('RATE_LIMITED', 429, { seconds }),
  // Reports (issue 11)
  rolloverMappingMissing: (from: number, to: number, available: string[]) => new AppError('ROLLOVER_MAPPING_MISSING', 400, { from, to, available }),
  notPublished: () => new AppError('NOT_PUBLISHED', 404),
  // Delivery (issue 12)
  officerNotOnLine: (name: string) => new AppError('OFFICER_NOT_ON_LINE', 409, { name }),
  /** `org delete` of an organization real people worked in, without --force. */
  orgHasHistory: (slug: string, linkedOfficers: number, actions: number) => new AppError('ORG_HAS_HISTORY', 409, { slug, linkedOfficers, actions }),
};

export type ImportRowError = { row: number; column: string; reason: string };
