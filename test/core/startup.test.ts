import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'ita-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('starting the server', () => {
  it('says what it is doing first, then prints readable start-up and shut-down lines only, no JSON log line mixed in', async () => {
    const child = spawn(process.execPath, [join(root, 'src/server.ts')], {
      cwd: root,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LINE_CHANNEL_SECRET: '', LINE_CHANNEL_ACCESS_TOKEN: '', LOG_LEVEL: 'info', SCHEDULER_ENABLED: 'false' },
    });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start-up lines in time:\n${out}`)), 110_000);
        child.stdout.on('data', () => {
          if (out.includes('LINE simulator:')) {
            clearTimeout(timer);
            // Pino writes asynchronously: give a late JSON line the chance to appear.
            setTimeout(resolve, 500);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
      });
    } finally {
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    const lines = out.split('\n').filter(Boolean);
    expect(lines[0]).toBe(`ITA OIT tracker: first start, creating the embedded PGlite database in ${dataDir}/pglite (once; this takes a while)…`);
    expect(lines[1]).toMatch(/^ITA OIT tracker listening on http:\/\/127\.0\.0\.1:\d+ \(ready in \d+\.\d s\)$/);
    expect(lines.at(-1)).toBe('ITA OIT tracker: shutting down (SIGTERM)');
    expect(lines.filter((l) => l.startsWith('{'))).toEqual([]);
  }, 120_000);
});
