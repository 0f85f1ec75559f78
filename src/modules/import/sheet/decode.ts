/**
 * Turns the bytes of a CSV/TSV file into text. What agencies' computers save:
 * - UTF-8, with or without a BOM (Google Sheets, LibreOffice, "CSV UTF-8" in Excel);
 * - UTF-16 little- or big-endian, with or without a BOM (Excel's "Unicode Text", tab-separated);
 * - Thai Windows (windows-874 / TIS-620), what Thai Excel writes for plain "CSV".
 * A file that is none of these (e.g. UTF-8 with a stray byte, or a binary file) is refused with
 * the line and byte where it goes wrong, instead of being misread as windows-874 and then failing
 * with a misleading "no ข้อ column" (issue 10.8).
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-874';
export type Decoded =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; line: number; byte: number; value: number };

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8OrFail(bytes, 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be');
  const sixteen = sniffUtf16(bytes);
  if (sixteen) return utf16(bytes, sixteen);
  const bad = firstInvalidUtf8(bytes, 0);
  if (bad < 0) return { ok: true, text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (plausibleWindows874(bytes)) return { ok: true, text: new TextDecoder('windows-874').decode(bytes), encoding: 'windows-874' };
  return failAt(bytes, bad);
}

function utf8OrFail(bytes: Uint8Array, start: number): Decoded {
  const bad = firstInvalidUtf8(bytes, start);
  if (bad >= 0) return failAt(bytes, bad);
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(start)), encoding: 'utf-8' };
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  return { ok: true, text: new TextDecoder(encoding).decode(bytes), encoding };
}

function failAt(bytes: Uint8Array, offset: number): Decoded {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return { ok: false, line, byte: offset + 1, value: bytes[offset]! };
}

/**
 * UTF-16 without a BOM: the high byte of every ASCII character (delimiters, digits, line
 * breaks) is 0 and of every Thai one is 0x0E, so one of the two byte lanes is almost all 0x00/0x0E.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0, oddZero = 0, evenHigh = 0, oddHigh = 0;
  for (let i = 0; i < n; i += 2) {
    const a = bytes[i]!, b = bytes[i + 1]!;
    if (a === 0) evenZero++;
    if (b === 0) oddZero++;
    if (a === 0 || a === 0x0e) evenHigh++;
    if (b === 0 || b === 0x0e) oddHigh++;
  }
  const pairs = n / 2;
  if (oddZero > 0 && oddHigh >= pairs * 0.9 && evenZero <= pairs * 0.1) return 'utf-16le';
  if (evenZero > 0 && evenHigh >= pairs * 0.9 && oddZero <= pairs * 0.1) return 'utf-16be';
  return null;
}

/** Offset of the first byte that breaks UTF-8 (overlongs and surrogates included), or -1. */
export function firstInvalidUtf8(b: Uint8Array, start: number): number {
  let i = start;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    let need: number, min: number;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    if (i + need >= n) return i;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Bytes windows-874 defines (ASCII, €, …, quotes, dashes, NBSP, Thai letters, digits and signs),
 * and not mostly UTF-8 Thai sequences (E0 B8/B9 xx) with something broken among them.
 */
function plausibleWindows874(b: Uint8Array): boolean {
  let high = 0, utf8Thai = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === 0) return false;
    if (c < 0x80) continue;
    high++;
    const defined = c === 0x80 || c === 0x85 || (c >= 0x91 && c <= 0x97) || (c >= 0xa0 && c <= 0xda) || (c >= 0xdf && c <= 0xfb);
    if (!defined) return false;
    if (c === 0xe0 && (b[i + 1] === 0xb8 || b[i + 1] === 0xb9) && b[i + 2] !== undefined && (b[i + 2]! & 0xc0) === 0x80) utf8Thai++;
  }
  // Each UTF-8 Thai letter is 3 high bytes: if those explain most of the file, it is broken UTF-8.
  return utf8Thai * 3 < high * 0.5;
}
