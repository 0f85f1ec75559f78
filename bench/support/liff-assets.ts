import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export type Asset = { file: string; kind: 'page-js' | 'sdk-js' | 'css' | 'font' | 'html'; bytes: number; gzip: number };

/**
 * Sizes of the files a page load fetched (`urls`, as recorded in the browser), read from
 * liff/dist: gzip -9 for text (what a compressing proxy sends), woff2 as is (already compressed).
 * The LIFF SDK is the `liff-sdk-*` chunk (vite.config.ts puts every SDK module there).
 */
export function assetSizes(dist: string, urls: string[]): Asset[] {
  return urls.map((u) => {
    const path = new URL(u).pathname.replace(/^\/liff\//, '');
    const file = join(dist, path === '' || !path.includes('.') ? 'index.html' : path);
    const body = readFileSync(file);
    const name = basename(file);
    const kind: Asset['kind'] = name.endsWith('.html') ? 'html' : name.endsWith('.css') ? 'css'
      : name.endsWith('.woff2') || name.endsWith('.woff') ? 'font' : name.startsWith('liff-sdk-') ? 'sdk-js' : 'page-js';
    const gzip = kind === 'font' ? body.length : gzipSync(body, { level: 9 }).length;
    return { file: name, kind, bytes: body.length, gzip };
  });
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
