import { messages } from '../../messages/index.ts';
import type { ImportRowError } from '../../shared/errors.ts';
import { checkInput } from '../../shared/validate.ts';
import { decodeText } from '../import/sheet/decode.ts';
import { readWorkbook } from '../import/sheet/grid.ts';
import { catalogContentSchema, contentHash } from './catalog.content.ts';
import type { CatalogFile } from './catalog.data.ts';
import { CATALOG_HEADERS, parseCatalogRows } from './catalog.sheet.ts';
import { sortSubs, validateContent } from './catalog.validate.ts';

const t = messages.th.catalog.errors;
const issue = messages.th.issue;
export type ParsedCatalog = { file: CatalogFile | null; errors: ImportRowError[] };

/**
 * Reads a catalog file for `year`: an XLSX/CSV sheet (catalog.sheet.ts) or the JSON shape of the
 * built-in catalogs. Pure: runs in the import worker thread.
 */
export async function parseCatalogFile(fileName: string, bytes: Uint8Array, { year, maxRows }: { year: number; maxRows: number }): Promise<ParsedCatalog> {
  const source = fileName.split(/[\\/]/).pop() ?? fileName;
  if (/\.json$/i.test(fileName.trim())) return fromJson(bytes, year, source);
  const book = await readWorkbook(fileName, bytes, { maxRows });
  const r = parseCatalogRows(book.main.rows, { year, source });
  return { file: r.content ? { ...r.content, contentHash: contentHash(r.content) } : null, errors: r.errors };
}

function fromJson(bytes: Uint8Array, year: number, source: string): ParsedCatalog {
  const fail = (reason: string): ParsedCatalog => ({ file: null, errors: [{ row: 1, column: '', reason }] });
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail(t.notJson);
  let raw: unknown;
  try {
    raw = JSON.parse(decoded.text);
  } catch {
    return fail(t.notJson);
  }
  // zod's English is replaced by the Thai wording of each issue (messages/validation.th.ts).
  const parsed = checkInput(catalogContentSchema, raw);
  if (!parsed.ok) {
    return { file: null, errors: parsed.issues.slice(0, 50).map((i) => ({ row: 1, column: i.path, reason: t.jsonShape(i.path, issue(i)) })) };
  }
  if (parsed.data.year !== year) return fail(t.yearMismatch(parsed.data.year, year));
  const content = sortSubs({ ...parsed.data, source: parsed.data.source || source });
  const errors = validateContent(content, () => 1, (f) => CATALOG_HEADERS[f]);
  return errors.length > 0 ? { file: null, errors } : { file: { ...content, contentHash: contentHash(content) }, errors: [] };
}
