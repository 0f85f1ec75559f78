// Builds the LIFF page (liff/ → liff/dist) with Vite. `--if-stale` builds only when liff/dist is
// missing or older than the page's sources, so `npm start` and the browser tests never serve an
// old page after the sources changed (npm install builds it through `prepare`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(import.meta.dirname, '..');
const liff = join(root, 'liff');
const built = join(liff, 'dist', 'index.html');

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

export function liffIsStale(): boolean {
  if (!existsSync(built)) return true;
  const sources = Math.max(newest(join(liff, 'src')), newest(join(liff, 'index.html')), newest(join(liff, 'vite.config.ts')));
  return sources > statSync(built).mtimeMs;
}

export function buildLiff(): void {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  // Always a production build: a build started from the tests (vitest sets NODE_ENV=test) would
  // otherwise get development JSX (jsxDEV with every source path), ~20% larger and slower.
  const env = { ...process.env, NODE_ENV: 'production' };
  const r = spawnSync(process.execPath, [vite, 'build', liff, '--logLevel', 'warn'], { stdio: 'inherit', cwd: root, env });
  if (r.status !== 0) throw new Error(`building the LIFF page failed (exit ${r.status})`);
  precompressAssets();
}

/**
 * Writes `.br` and `.gz` next to every script and style sheet in `dir` (liff/dist/assets): the
 * server sends them to browsers that accept them (@fastify/static `preCompressed`), compressed
 * once here at the highest levels instead of on every request. Fonts are woff2, compressed already.
 */
export function precompressAssets(dir = join(liff, 'dist', 'assets')): void {
  for (const f of readdirSync(dir)) {
    if (!/\.(js|css|svg)$/.test(f)) continue;
    const body = readFileSync(join(dir, f));
    writeFileSync(join(dir, `${f}.gz`), gzipSync(body, { level: 9 }));
    writeFileSync(join(dir, `${f}.br`), brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }));
  }
}

if (import.meta.main) {
  if (!process.argv.includes('--if-stale') || liffIsStale()) buildLiff();
}
