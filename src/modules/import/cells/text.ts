import type { Cell } from '../sheet/grid.ts';

/**
 * A cell's text with the line breaks it shows: tables copied from Word or web pages into a sheet
 * keep fragments like `<br>`, `<p>…</p>` and `&amp;` (see the seeds), which become line breaks and
 * characters; other tags are dropped.
 */
export function cellToText(c: Cell | undefined): string {
  if (c === undefined || c === '') return '';
  if (typeof c === 'number') return String(c);
  if (!c.includes('<') && !c.includes('&')) return c;
  return c
    .replace(/<\s*(br|\/p|\/li|\/div|\/tr)\b[^>]*>/gi, '\n')
    .replace(/<\/?(p|ul|ol|li|b|i|u|span|div|strong|em|font|table|tr|td)\b[^>]*>/gi, '')
    .replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
}

/** Lines of a cell, each squashed, empty ones dropped. */
export function cellLines(text: string): string[] {
  return text.split(/\r?\n|\r/).map((l) => l.replace(/[\s\u200b]+/g, ' ').trim()).filter(Boolean);
}
