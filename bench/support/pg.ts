import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

/**
 * A real PostgreSQL for a benchmark: BENCH_DATABASE_URL if set, else a throwaway durable cluster on
 * 127.0.0.1 (scripts/pg-throwaway.sh). Returns a fresh database's URL and a stop function.
 */
export async function benchPostgres(port = 55499): Promise<{ url: string; stop(): Promise<void> }> {
  let adminUrl = process.env.BENCH_DATABASE_URL;
  let dir: string | undefined;
  if (!adminUrl) {
    dir = mkdtempSync(join(tmpdir(), 'ita-bench-pg-'));
    adminUrl = execFileSync('sh', ['scripts/pg-throwaway.sh', 'start', join(dir, 'data'), String(port)], {
      env: { ...process.env, PG_DURABLE: '1' },
      encoding: 'utf8',
    }).trim();
  }
  const name = `bench_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    stop: async () => {
      const a = postgres(adminUrl!, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await a.end();
      if (dir) {
        execFileSync('sh', ['scripts/pg-throwaway.sh', 'stop', join(dir, 'data')]);
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** p50/p95/p99 of a list of milliseconds. */
export function percentiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
  return { p50: at(50), p95: at(95), p99: at(99), n: s.length };
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
/** Peak resident set size of this process so far (maxRSS is in kilobytes). */
export const peakRss = () => process.resourceUsage().maxRSS * 1024;
