import type { Messages } from '../../messages/index.ts';
import { BANDS, type ChartData, type ChartRow } from './chart.data.ts';

/**
 * The progress chart as SVG, drawn by hand (a few rectangles and text lines need no charting
 * library): horizontal stacked bars per sub-indicator and per unit. Text uses the font family
 * "Sarabun", which chart.render.ts hands to the renderer from the font files the project ships;
 * `embedFont` also puts the font inside the SVG, so a browser shows the same Thai anywhere.
 */
export const COLORS = { approved: '#06C755', submitted: '#2F80ED', inProgress: '#F2A93B', notStarted: '#D5D9DE' } as const;

const W = 960;
const LABEL_W = 330;
const BAR_X = LABEL_W + 24;
const BAR_W = W - BAR_X - 130;
const ROW_H = 34;

export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;
const visibleLength = (s: string) => [...s].filter((ch) => !MARK.test(ch)).length;

/** Cuts a label to about `max` visible characters (Thai vowel and tone marks take no width). */
export function clipLabel(s: string, max = 34): string {
  let visible = 0;
  let out = '';
  for (const ch of s) {
    const mark = MARK.test(ch);
    if (!mark && visible >= max) return `${out.trimEnd()}…`;
    if (!mark) visible++;
    out += ch;
  }
  return out;
}

export function chartSvg(m: Messages, data: ChartData, head: { title: string; subtitle: string }, opts: { embedFont?: string } = {}): string {
  const t = m.reports.chart;
  const parts: string[] = [];
  let y = 36;
  const text = (x: number, yy: number, s: string, attrs = '') => parts.push(`<text x="${x}" y="${yy}"${attrs}>${escapeXml(s)}</text>`);
  text(24, y, head.title, ' font-size="24" font-weight="700"');
  y += 28;
  text(24, y, head.subtitle, ' font-size="15" fill="#555"');
  y += 26;
  // Legend
  let lx = 24;
  for (const band of BANDS) {
    parts.push(`<rect x="${lx}" y="${y - 12}" width="14" height="14" rx="3" fill="${COLORS[band]}"/>`);
    text(lx + 20, y, t.bands[band]!, ' font-size="15"');
    lx += 44 + visibleLength(t.bands[band]!) * 8;
  }
  y += 18;
  const section = (heading: string, rows: ChartRow[]) => {
    if (!rows.length) return;
    y += 30;
    text(24, y, heading, ' font-size="18" font-weight="700"');
    y += 12;
    for (const r of rows) {
      const top = y;
      text(24, top + 22, clipLabel(r.label), ' font-size="15"');
      let x = BAR_X;
      for (const band of BANDS) {
        const w = r.total ? (r.counts[band] / r.total) * BAR_W : 0;
        if (w > 0) parts.push(`<rect x="${x.toFixed(1)}" y="${top + 6}" width="${w.toFixed(1)}" height="${ROW_H - 12}" fill="${COLORS[band]}"/>`);
        x += w;
      }
      const pct = r.total ? Math.round((r.counts.approved / r.total) * 100) : 0;
      text(BAR_X + BAR_W + 10, top + 22, t.rowValue(r.counts.approved, r.total, pct), ' font-size="14" fill="#333"');
      y += ROW_H;
    }
  };
  section(t.bySubIndicator, data.bySubIndicator);
  section(t.byUnit, data.byUnit);
  if (!data.total.all) {
    y += 30;
    text(24, y, t.empty, ' font-size="16" fill="#555"');
  }
  const h = y + 24;
  const font = opts.embedFont ? `<style>@font-face{font-family:Sarabun;src:url(data:font/ttf;base64,${opts.embedFont})}</style>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}" font-family="Sarabun" fill="#1a1a1a">${font}<rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
}
