import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liffHelmetOptions } from '../../src/modules/liff-api/liff.csp.ts';
import { liffPageRoutes } from '../../src/modules/liff-api/liff.page.ts';
import { precompressAssets } from '../../scripts/liff-build.ts';

// As liff/vite.config.ts (offlinePreload) writes it: the offline-only mock chunk's preload, commented out.
const MOCK_PRELOAD = '<!--ita-offline <link rel="modulepreload" crossorigin href="/liff/assets/liff-mock-m0ck.js"> -->';
const PAGE_JS = `console.log(${JSON.stringify('หน้าเว็บ '.repeat(200))})`;

/** The page server over a small built page, as `vite build` lays it out (index.html + hashed assets). */
let dir: string;
let app: FastifyInstance;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'liff-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="th"><head><meta name="ita-liff-id" content=""><meta name="ita-offline" content=""><script type="module" src="/liff/assets/index-abc123.js"></script>${MOCK_PRELOAD}</head><body><div id="app"></div></body></html>`);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), PAGE_JS);
  precompressAssets(join(dir, 'assets'));
  app = Fastify();
  await app.register(async (scope) => {
    await scope.register(helmet, liffHelmetOptions());
    await liffPageRoutes(scope, { liffId: '2000000001-"quoted"', offline: false, distDir: `${dir}/` });
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serving the LIFF page under /liff/', () => {
  it('answers every page path with index.html, its meta tags filled from the configuration, never cached', async () => {
    for (const url of ['/liff', '/liff/', '/liff/items/12', '/liff/review?mock=1']) {
      const res = await app.inject({ url });
      expect([url, res.statusCode]).toEqual([url, 200]);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<meta name="ita-liff-id" content="2000000001-&quot;quoted&quot;">');
      expect(res.body).toContain('<meta name="ita-offline" content="false">');
      expect(res.body).not.toContain('liff-mock');
    }
  });

  it('offline, preloads the @line/liff-mock chunk the page then always runs on; with LINE credentials never', async () => {
    const offline = Fastify();
    await liffPageRoutes(offline, { offline: true, distDir: `${dir}/` });
    const res = await offline.inject({ url: '/liff/items/3?mock=1' });
    expect(res.body).toContain('<meta name="ita-offline" content="true">');
    expect(res.body).toContain('<link rel="modulepreload" crossorigin href="/liff/assets/liff-mock-m0ck.js"></head>');
    expect(res.body).not.toContain('<!--');
    await offline.close();
  });

  it('serves hashed assets for a year, and a missing asset is a 404, not the page', async () => {
    const js = await app.inject({ url: '/liff/assets/index-abc123.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ url: '/liff/assets/index-old999.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/liff/favicon.ico' })).statusCode).toBe(404);
  });

  it('sends scripts compressed at build time (brotli, else gzip) to browsers that accept it, and as they are to others', async () => {
    const br = await app.inject({ url: '/liff/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect([br.statusCode, br.headers['content-encoding']]).toEqual([200, 'br']);
    expect(br.headers['content-type']).toContain('javascript');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(PAGE_JS);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(PAGE_JS) / 4);
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await app.inject({ url: '/liff/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect([gz.statusCode, gz.headers['content-encoding']]).toEqual([200, 'gzip']);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(PAGE_JS);
    const plain = await app.inject({ url: '/liff/assets/index-abc123.js', headers: { 'accept-encoding': 'identity' } });
    expect([plain.statusCode, plain.headers['content-encoding'], plain.body]).toEqual([200, undefined, PAGE_JS]);
    expect(plain.headers.vary).toContain('accept-encoding');
  });

  it('sends a content security policy that allows only this server and LINE', async () => {
    const res = await app.inject({ url: '/liff/items/1' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain('https://api.line.me');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('without a build, explains in Thai how to build it instead of a 404', async () => {
    const bare = Fastify();
    await liffPageRoutes(bare, { offline: true, distDir: join(dir, 'nowhere/') });
    const res = await bare.inject({ url: '/liff/items/3' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:liff');
    await bare.close();
  });
});
