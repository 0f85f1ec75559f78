import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * @font-face rules for Sarabun (OFL-1.1, @fontsource/sarabun: WOFF2, Thai and Latin subsets,
 * regular and bold) with the font files inlined as data: URIs, so the public page is one
 * self-contained file that shows the same Thai on any machine. The rules (unicode ranges
 * included) are fontsource's own CSS with its URLs replaced.
 */
const require = createRequire(import.meta.url);
let css: string | undefined;

export function sarabunFontFaces(): string {
  if (css !== undefined) return css;
  const dir = dirname(require.resolve('@fontsource/sarabun/400.css'));
  const rules: string[] = [];
  for (const weight of ['400', '700']) {
    const source = readFileSync(join(dir, `${weight}.css`), 'utf8');
    for (const block of source.split('/*').slice(1)) {
      if (!/sarabun-(thai|latin)-\d+-normal \*\//.test(block)) continue;
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
      if (!file) continue;
      const data = readFileSync(join(dir, 'files', file)).toString('base64');
      const rule = block.slice(block.indexOf('@font-face')).replace(/src:[^;]+;/, `src: url(data:font/woff2;base64,${data}) format('woff2');`).replace(/\s+/g, ' ').trim();
      rules.push(rule);
    }
  }
  css = rules.join('\n');
  return css;
}
