/** Thai digits ๐–๙ to 0–9; everything else unchanged. */
export function thaiDigitsToArabic(s: string): string {
  return s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

const HONORIFICS = ['นางสาว', 'น.ส.', 'นส.', 'นาง', 'นาย', 'ว่าที่ร้อยตรี', 'ว่าที่ ร.ต.', 'ดร.', 'Mr.', 'Mrs.', 'Ms.', 'Miss'];

/** Collapses every run of whitespace (line breaks included) to one space and trims. */
export function squashSpaces(s: string): string {
  return s.replace(/[\s\u200b]+/g, ' ').trim();
}

/**
 * The key two spellings of a person's name share: honorific dropped, whitespace and line breaks
 * removed, so "นางสาว สมศรี  ใจดี" and "น.ส.สมศรี\nใจดี" match.
 */
export function personKey(name: string): string {
  let s = squashSpaces(name);
  for (;;) {
    const h = HONORIFICS.find((p) => s.toLowerCase().startsWith(p.toLowerCase()));
    if (!h) break;
    s = s.slice(h.length).trimStart();
  }
  return s.replace(/\s+/g, '').toLowerCase();
}

/** The name as shown: honorific kept, whitespace squashed. */
export function displayName(name: string): string {
  return squashSpaces(name);
}

/** Unit names match across spacing, line breaks and case. */
export function unitKey(name: string): string {
  return squashSpaces(thaiDigitsToArabic(name)).replace(/\s+/g, '').toLowerCase();
}
