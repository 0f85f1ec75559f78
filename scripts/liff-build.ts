// Builds the LIFF page (liff/ → liff/dist) with Vite. `--if-stale` builds only when liff/dist is
// missing or older than the page's sources, so `npm start` and the browser tests never serve an
// old page after the sources changed (npm install builds it through `prepare`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
  const r = spawnSync(process.execPath, [vite, 'build', liff, '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) throw new Error(`building the LIFF page failed (exit ${r.status})`);
}

if (import.meta.main) {
  if (!process.argv.includes('--if-stale') || liffIsStale()) buildLiff();
}
