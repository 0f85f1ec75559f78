import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * SVG → PNG with resvg (a maintained Rust renderer shipped as a binary inside its npm package),
 * given only the Sarabun font files the project ships (OFL-1.1, @expo-google-fonts/sarabun: TTF,
 * which resvg needs; it reads no WOFF2) and never the machine's fonts, so the Thai looks the same
 * everywhere.
 */
const require = createRequire(import.meta.url);
export const FONT_FILES = [
  require.resolve('@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf'),
  require.resolve('@expo-google-fonts/sarabun/700Bold/Sarabun_700Bold.ttf'),
];

let regularBase64: string | undefined;
/** The regular face as base64, for SVGs that carry their own font. */
export function sarabunBase64(): string {
  regularBase64 ??= readFileSync(FONT_FILES[0]!).toString('base64');
  return regularBase64;
}

/**
 * resvg's shaper (rustybuzz) splits SARA AM (ำ) into NIKHAHIT + SARA AA itself and then loses the
 * AA and the character after it ("ดำเนินการ" came out as "ดํเนินการ"). Doing the same
 * decomposition first, with the NIKHAHIT moved before any above-base marks as HarfBuzz does
 * (<น, ้, ำ> → <น, ํ, ้, า>), renders correctly.
 */
export const decomposeSaraAm = (s: string) => s.replace(/([\u0E31\u0E34-\u0E37\u0E47-\u0E4E]*)\u0E33/g, '\u0E4D$1\u0E32');

/** Loaded on first use: the native renderer costs every CLI start otherwise. */
export async function svgToPng(svg: string, width?: number): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(decomposeSaraAm(svg), {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Sarabun' },
    fitTo: width ? { mode: 'width', value: width } : { mode: 'original' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
