import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm install` (the `prepare` script) builds the page: liff/dist. */
export const LIFF_DIST = fileURLToPath(new URL('../../../liff/dist/', import.meta.url));

type Deps = { liffId?: string; offline: boolean; distDir?: string };

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Serves the built LIFF page under /liff/: hashed assets with a year of caching (compressed at
 * build time, brotli or gzip as the browser accepts), and every other
 * path (a deep link such as /liff/items/12, reloaded) answered with index.html, never cached, its
 * meta tags carrying this server's LIFF ID and mode (docs/liff-api.md). A missing asset is a 404,
 * not the page, so a stale browser cache fails loudly instead of running HTML as a script.
 */
export async function liffPageRoutes(app: FastifyInstance, d: Deps) {
  const dist = d.distDir ?? LIFF_DIST;
  let page: string | null = null;
  const indexHtml = () => {
    if (page === null && existsSync(`${dist}index.html`)) {
      page = readFileSync(`${dist}index.html`, 'utf8')
        .replace(/(<meta\s+name="ita-liff-id"\s+content=")[^"]*(")/, `$1${escapeAttr(d.liffId ?? '')}$2`)
        .replace(/(<meta\s+name="ita-offline"\s+content=")[^"]*(")/, `$1${d.offline}$2`)
        // Offline the page runs on @line/liff-mock: its chunk is preloaded with the other scripts
        // (liff/vite.config.ts, offlinePreload). With LINE credentials it is never fetched.
        .replace(/<!--ita-offline (<link [^>]*>) -->/g, d.offline ? '$1' : '');
    }
    return page;
  };

  await app.register(async (scope) => {
    if (existsSync(dist)) {
      await scope.register(fastifyStatic, {
        root: dist,
        prefix: '/liff/',
        wildcard: false,
        index: false,
        // The build writes .br/.gz next to each script and style sheet (scripts/liff-build.ts):
        // sent with Content-Encoding to browsers that accept them, with Vary: Accept-Encoding.
        preCompressed: true,
        cacheControl: false,
        setHeaders: (reply, path) => {
          reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    }
    const sendPage = async (_req: unknown, reply: import('fastify').FastifyReply) => {
      const html = indexHtml();
      if (!html) {
        return reply.status(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(notBuiltPage);
      }
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    };
    scope.get('/liff', sendPage);
    scope.get('/liff/*', async (req, reply) => {
      const path = (req.params as { '*': string })['*'] ?? '';
      // Files are served above; a path that names a file (assets/x.js, favicon.ico) and got here does not exist.
      if (path.startsWith('assets/') || /\.[a-z0-9]{1,8}$/i.test(path)) {
        return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
      }
      return sendPage(req, reply);
    });
  });
}

const notBuiltPage = `<!doctype html><html lang="th"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>ITA OIT</title><body>
<h1>หน้า LIFF ยังไม่พร้อมใช้งาน</h1>
<p>เซิร์ฟเวอร์ยังไม่พบไฟล์หน้าเว็บที่สร้างแล้ว (liff/dist) ผู้ดูแลระบบสั่ง <code>npm install</code> หรือ <code>npm run build:liff</code> แล้วเริ่มระบบใหม่</p>
<p>ระหว่างนี้รายงานผลผ่านแชตกับบอทได้ เช่น พิมพ์ <b>งานของฉัน</b> หรือ <b>ลิงก์ O12 https://…</b></p>
<p lang="en">The LIFF page has not been built yet (liff/dist is missing): run <code>npm install</code> or <code>npm run build:liff</code>.</p>
</body></html>`;
