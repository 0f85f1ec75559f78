/**
 * How long the disk under PostgreSQL takes to make a small write durable, the wait every commit
 * has (a webhook request is acknowledged only once its commit is flushed). bench:webhook prints
 * it next to its latency figures: a virtual disk that now and then stalls a flush for tens or
 * hundreds of milliseconds puts that stall into the acknowledgement p99 of any durable design,
 * and a reader should be able to tell such a disk from a slower program.
 * Writes 8 KB (a WAL page) and fdatasync()s it, `gapMs` apart (about the flush rate of 200
 * requests/s), for `seconds`, in a scratch file in `dir`, which is removed afterwards.
 */
import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export type SyncProbe = { n: number; p50: number; p99: number; max: number; stalls: number; stalledMs: number };

export async function probeSync(dir: string, o: { seconds?: number; gapMs?: number; stallMs?: number } = {}): Promise<SyncProbe> {
  const stallMs = o.stallMs ?? 20;
  const file = join(dir, `sync-probe-${process.pid}.tmp`);
  const fd = openSync(file, 'w');
  const page = Buffer.alloc(8192, 0x5a);
  const took: number[] = [];
  try {
    const end = performance.now() + (o.seconds ?? 3) * 1000;
    for (let i = 0; performance.now() < end; i++) {
      const t0 = performance.now();
      writeSync(fd, page, 0, page.length, (i % 256) * page.length);
      fdatasyncSync(fd);
      took.push(performance.now() - t0);
      await sleep(o.gapMs ?? 5);
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  const sorted = [...took].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const slow = took.filter((ms) => ms > stallMs);
  return { n: took.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? NaN, stalls: slow.length, stalledMs: slow.reduce((a, b) => a + b, 0) };
}

export const probeLine = (p: SyncProbe, dir: string) =>
  `disk under PostgreSQL (${dir}): 8 KB write + fdatasync, ${p.n} times 5 ms apart: p50 ${p.p50.toFixed(2)} ms, p99 ${p.p99.toFixed(2)} ms, max ${p.max.toFixed(1)} ms; ` +
  `${p.stalls} flush(es) over 20 ms (${p.stalledMs.toFixed(0)} ms in all)` +
  (p.stalls > 0 ? ': a commit waits for its flush, so such stalls reach the acknowledgement p99 of any durable inbox' : '');
