/**
 * Cleaning catalog text the way the built-in catalogs were cleaned (see data/README.md): HTML
 * fragments and bullet marks removed, whitespace squashed, decomposed sara am recomposed.
 */
export function cleanCatalogText(s: string): string {
  return stripHtml(s)
    .normalize('NFC')
    .replace(/\u0e4d\u0e32/g, '\u0e33') // ํ + า left by PDF extraction → ำ
    .replace(/[\s\u200b]+/g, ' ')
    .trim();
}

function stripHtml(s: string): string {
  if (!s.includes('<') && !s.includes('&')) return s;
  return s
    .replace(/<\s*(br|\/p|\/li|\/div|li)\b[^>]*>/gi, '\n')
    .replace(/<\/?(p|ul|ol|b|i|u|span|div|strong|em|font)\b[^>]*>/gi, '')
    .replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
}

/** A bullet at the start of a line: "-", "–", "•", "○", "๐", "o", "ㆍ", "·" followed by a space. */
const BULLET = /^\s*([-–—•○◦๐oㆍ·▪]|\d+\.)\s+/u;
const SUB_POINT = /^\s*\(\d+\)/;

/**
 * A component cell: one component per bullet, "(1) … (2) …" lines folded into their bullet,
 * lines starting with "*" are notes. Without any bullet, every line is a component.
 */
export function splitComponents(cell: string): { components: string[]; notes: string[] } {
  const lines = stripHtml(cell).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const bulleted = lines.some((l) => BULLET.test(l));
  const components: string[] = [];
  const notes: string[] = [];
  let last: 'component' | 'note' | null = null;
  for (const line of lines) {
    if (line.startsWith('*')) {
      notes.push(cleanCatalogText(line));
      last = 'note';
      continue;
    }
    const continues = last !== null && (SUB_POINT.test(line) || (bulleted && !BULLET.test(line)));
    const text = cleanCatalogText(line.replace(BULLET, ''));
    if (continues && last === 'note') notes[notes.length - 1] = `${notes.at(-1)} ${text}`;
    else if (continues) components[components.length - 1] = `${components.at(-1)} ${text}`;
    else {
      components.push(text);
      last = 'component';
    }
  }
  return { components, notes };
}

/** A note cell: one note per line ("(1) …" lines continue the note above). */
export function splitNotes(cell: string): string[] {
  const out: string[] = [];
  for (const line of stripHtml(cell).split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    if (out.length > 0 && SUB_POINT.test(line)) out[out.length - 1] = `${out.at(-1)} ${cleanCatalogText(line)}`;
    else out.push(cleanCatalogText(line));
  }
  return out;
}
