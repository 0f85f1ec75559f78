import { Unzip, UnzipInflate } from 'fflate';

/**
 * An XLSX is a zip: a 20 KB upload can inflate to hundreds of megabytes of XML, and the XML
 * parser then blocks the event loop for minutes. Before parsing, inflate once with a hard budget
 * (counting real bytes, not the sizes the archive claims) and refuse anything bigger. 16 MB of
 * sheet XML is well over 100,000 rows — far beyond any agency's assignment sheet.
 */
export const MAX_XLSX_INFLATED_BYTES = 16 * 1024 * 1024;
const MAX_ENTRIES = 500;

export type XlsxCheck = { ok: true } | { ok: false; reason: 'too_large' | 'not_zip' };

export function checkXlsxSize(bytes: Uint8Array, limit = MAX_XLSX_INFLATED_BYTES): XlsxCheck {
  let total = 0;
  let entries = 0;
  let tooLarge = false;
  const unzip = new Unzip((file) => {
    if (++entries > MAX_ENTRIES) tooLarge = true;
    if (tooLarge) return;
    file.ondata = (err, chunk) => {
      if (err) throw err;
      total += chunk.length;
      if (total > limit && !tooLarge) {
        tooLarge = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // Feed in slices so a runaway entry is cut off early instead of after inflating everything.
    for (let i = 0; i < bytes.length && !tooLarge; i += 64 * 1024) {
      unzip.push(bytes.subarray(i, Math.min(bytes.length, i + 64 * 1024)), i + 64 * 1024 >= bytes.length);
    }
  } catch {
    return tooLarge ? { ok: false, reason: 'too_large' } : { ok: false, reason: 'not_zip' };
  }
  if (tooLarge) return { ok: false, reason: 'too_large' };
  return entries === 0 ? { ok: false, reason: 'not_zip' } : { ok: true };
}
