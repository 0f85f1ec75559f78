import { msg, type Lang } from '../../../messages/index.ts';
import { formatThaiDateTime } from '../../../shared/thai-date.ts';
import { sarabunFontFaces } from '../../public-page/fonts.ts';

export type LinkCard = {
  name: string;
  position: string | null;
  unit: string | null;
  code: string;
  expiresAt: Date;
  linked: boolean;
  /** The oaMessage link the QR code holds; null without the bot's basic ID. */
  url: string | null;
  qrSvg: string | null;
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/*
 * A4 portrait, two cards across and four down; a card never breaks across pages. On a narrow
 * screen (a phone opening the file) the cards stack in one column.
 */
const CSS = `
@page { size: A4; margin: 10mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: Sarabun, sans-serif; color: #111; background: #fff; }
header { padding: 0 2mm 3mm; }
h1 { font-size: 16pt; margin: 0 0 1mm; }
header p { margin: 0; font-size: 10pt; color: #333; }
.warn { border: 1px solid #b45309; background: #fffbeb; color: #78350f; padding: 2mm 3mm; margin-top: 2mm; border-radius: 2mm; }
.cards { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
.card { border: 1px dashed #555; border-radius: 3mm; padding: 3mm 4mm; display: flex; gap: 3mm; align-items: center; break-inside: avoid; page-break-inside: avoid; height: 62mm; overflow: hidden; }
.qr { flex: 0 0 38mm; width: 38mm; height: 38mm; }
.qr svg { width: 100%; height: 100%; display: block; }
.who { flex: 1; min-width: 0; }
.name { font-weight: 700; font-size: 13pt; line-height: 1.25; }
.pos, .unit, .exp, .note { font-size: 9.5pt; line-height: 1.35; color: #333; }
.send { margin-top: 2mm; font-size: 9pt; color: #555; }
.text { font-size: 12pt; font-weight: 700; border: 1px solid #111; border-radius: 1.5mm; padding: 1mm 2mm; display: inline-block; letter-spacing: 0.04em; white-space: nowrap; }
.exp { margin-top: 1.5mm; }
.note { color: #92400e; }
@media screen and (max-width: 600px) {
  body { padding: 12px; }
  .cards { grid-template-columns: 1fr; }
  .card { height: auto; }
  .qr { flex-basis: 34vw; width: 34vw; height: 34vw; }
}
@media print { .warn { break-inside: avoid; } }
`;

export function renderLinkSheet(v: { orgName: string; basicId: string | null; cards: LinkCard[]; lang: Lang }): string {
  const t = msg(v.lang).cli.linkSheet;
  const cards = v.cards
    .map((c) => {
      const qr = c.qrSvg ? `<div class="qr" role="img" aria-label="QR: ${esc(c.url ?? '')}">${c.qrSvg}</div>` : '';
      return `<section class="card" data-code="${esc(c.code)}">${qr}<div class="who">
<div class="name">${esc(c.name)}</div>
${c.position ? `<div class="pos">${esc(c.position)}</div>` : ''}
<div class="unit">${esc(c.unit ?? t.noUnit)}</div>
<div class="send">${esc(t.send)}</div>
<div class="text">ผูกบัญชี ${esc(c.code)}</div>
<div class="exp">${esc(t.expires(formatThaiDateTime(c.expiresAt)))}</div>
${c.linked ? `<div class="note">${esc(t.relink)}</div>` : ''}
</div></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${v.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title(v.orgName))}</title>
<style>${sarabunFontFaces()}${CSS}</style></head>
<body><header><h1>${esc(t.title(v.orgName))}</h1><p>${esc(v.basicId ? t.intro : t.introNoQr)}</p>
${v.basicId ? '' : `<p class="warn">${esc(t.noQr)}</p>`}
${v.cards.length ? '' : `<p>${esc(t.empty)}</p>`}</header>
<main class="cards">
${cards}
</main></body></html>
`;
}
