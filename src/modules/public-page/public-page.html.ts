import type { Messages } from '../../messages/index.ts';
import { sarabunFontFaces } from './fonts.ts';
import type { PageView } from './public-page.view.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Only http(s) URLs become links (evidence rules allow nothing else; this is the last guard). */
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? esc(url) : null);

const CSS = `
:root { color-scheme: light; --green: #06C755; --ink: #1a1a1a; --muted: #5f6368; --line: #e3e6ea; }
* { box-sizing: border-box; }
body { margin: 0; font-family: Sarabun, 'Noto Sans Thai', Tahoma, sans-serif; color: var(--ink); background: #f6f7f9; line-height: 1.55; font-size: 16px; }
header { background: #0b5d3b; color: #fff; padding: 20px 16px; }
header h1 { margin: 0; font-size: 1.35rem; font-weight: 700; }
header p { margin: 4px 0 0; opacity: .9; }
main { max-width: 1040px; margin: 0 auto; padding: 8px 12px 32px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 10px; margin: 16px 0; overflow: hidden; }
section h2 { margin: 0; padding: 12px 16px; font-size: 1.1rem; background: #eef7f1; border-bottom: 1px solid var(--line); }
h3 { margin: 0; padding: 10px 16px 4px; font-size: 1rem; color: var(--muted); }
ol { list-style: none; margin: 0; padding: 0 0 8px; }
li { display: grid; grid-template-columns: 3.5rem 1fr minmax(0, 1.2fr); gap: 4px 12px; padding: 10px 16px; border-top: 1px solid var(--line); }
.code { font-weight: 700; color: #0b5d3b; }
.links a { display: block; color: #0b57d0; overflow-wrap: anywhere; }
.none { color: var(--muted); }
footer { text-align: center; color: var(--muted); font-size: .9rem; padding: 16px; }
@media (max-width: 640px) {
  li { grid-template-columns: 3rem 1fr; }
  .links { grid-column: 1 / -1; padding-left: calc(3rem + 12px); }
}
`;

/**
 * The organization's ITA page (what agencies hand-code today, like seed 003) as one HTML file:
 * CSS and the Sarabun font inline, no script, no external request.
 */
export function pageHtml(m: Messages, v: PageView): string {
  const t = m.reports.page;
  const item = (i: PageView['sections'][number]['groups'][number]['items'][number]) => {
    const links = i.links
      .map((l) => {
        const href = safeHref(l.url);
        return href ? `<a href="${href}" rel="noopener noreferrer">${esc(l.label || l.url)}</a>` : '';
      })
      .join('');
    const reasons = i.notApplicable.map((r) => `<span>${esc(m.reports.notApplicableReason(r))}</span>`).join('');
    const body = links || reasons || `<span class="none">${esc(t.noLinkYet)}</span>`;
    return `<li><span class="code">${esc(i.code)}</span><span>${esc(i.title)}</span><span class="links">${body}</span></li>`;
  };
  const sections = v.sections
    .map((s) => `<section><h2>${esc(t.subIndicator(s.code, s.title))}</h2>${s.groups
      .map((g) => `${g.title && g.title !== s.title ? `<h3>${esc(g.title)}</h3>` : ''}<ol>${g.items.map(item).join('')}</ol>`)
      .join('')}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title(v.orgName, v.year))}</title>
<style>${sarabunFontFaces()}${CSS}</style>
</head>
<body>
<header><h1>${esc(t.heading(v.year))}</h1><p>${esc(v.orgName)}</p></header>
<main>
${sections}
</main>
<footer>${esc(t.updated(v.updated))}</footer>
</body>
</html>
`;
}

/** The answer for an unknown or unpublished page: the same for both, so nothing can be probed. */
export function notFoundHtml(m: Messages): string {
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>404</title><style>${CSS}</style></head><body><main><section><h2>${esc(m.reports.page.notFound)}</h2></section></main></body></html>`;
}
