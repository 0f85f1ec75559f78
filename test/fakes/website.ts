import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A local agency website for the link checker: pages that are fine, missing, failing, slow,
 * redirect in a loop or to a private address, refuse HEAD, or stream a body without end. It
 * listens on 127.0.0.1 and on [::1] (same port when free), and records every request that
 * arrives, so a test can prove a refused URL never reached it.
 */
export type Arrival = { method: string; path: string; host: string; via: '127.0.0.1' | '::1' };

export type FakeWebsite = {
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
  arrivals: Arrival[];
  /** Highest number of requests in flight at once. */
  maxInFlight(): number;
  close(): Promise<void>;
};

export async function startFakeWebsite(opts: { slowMs?: number } = {}): Promise<FakeWebsite> {
  const arrivals: Arrival[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let maxInFlight = 0;
  let port = 0;

  const handler = (via: Arrival['via']) => (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    arrivals.push({ method: req.method ?? '', path, host: req.headers.host ?? '', via });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const redirect = (to: string, status = 302) => {
      res.writeHead(status, { location: to });
      res.end();
    };
    const page = (status: number, body = 'page') => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (path.startsWith('/ok')) return page(200, '<h1>ข้อมูล ITA</h1>');
    if (path === '/missing') return page(404);
    if (path === '/gone') return page(410);
    if (path === '/error') return page(500);
    if (path === '/no-head') return req.method === 'HEAD' ? page(405) : page(200);
    if (path === '/moved') return redirect('/ok/new-place', 301);
    if (path === '/loop-a') return redirect('/loop-b');
    if (path === '/loop-b') return redirect('/loop-a');
    if (path.startsWith('/chain/')) {
      const n = Number(path.slice(7));
      return n > 0 ? redirect(`/chain/${n - 1}`) : page(200);
    }
    if (path === '/to-localhost') return redirect(`http://localhost:${port}/secret`);
    if (path === '/to-ipv6-loopback') return redirect(`http://[::1]:${port}/secret`);
    if (path === '/to-metadata') return redirect('http://169.254.169.254/latest/meta-data/');
    if (path === '/to-private') return redirect('http://10.0.0.1/admin');
    if (path.startsWith('/to-name/')) return redirect(`http://${path.slice(9)}:${port}/secret`);
    if (path === '/slow') {
      const t = setTimeout(() => page(200), opts.slowMs ?? 5_000);
      res.on('close', () => clearTimeout(t));
      return;
    }
    if (path === '/huge') {
      // A body without end (and HEAD refused, so the checker GETs it): it must stop reading and hang up.
      if (req.method === 'HEAD') return page(405);
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 120);
      const pump = () => {
        while (res.write(chunk)) if (res.destroyed) return;
      };
      res.on('drain', pump);
      pump();
      return;
    }
    if (path === '/head-404-get-200') return req.method === 'HEAD' ? page(404) : page(200);
    page(404);
  };

  const listen = (server: Server, host: string, p: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(p, host, () => resolve((server.address() as AddressInfo).port));
    });
  const track = (server: Server) => server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  const v4 = createServer(handler('127.0.0.1'));
  track(v4);
  port = await listen(v4, '127.0.0.1', 0);
  let v6: Server | null = createServer(handler('::1'));
  track(v6);
  try {
    await listen(v6, '::1', port);
  } catch {
    v6 = null; // no IPv6 loopback on this machine: the [::1] cases still must not reach the IPv4 server
  }

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    arrivals,
    maxInFlight: () => maxInFlight,
    async close() {
      for (const s of sockets) s.destroy();
      await Promise.all([v4, v6].filter((s): s is Server => s !== null).map((s) => new Promise((r) => s.close(r))));
    },
  };
}
