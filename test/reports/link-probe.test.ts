import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProber, type Prober } from '../../src/modules/links/probe.ts';
import { startFakeWebsite, type FakeWebsite } from '../fakes/website.ts';

let site: FakeWebsite;
let prober: Prober;
beforeAll(async () => {
  site = await startFakeWebsite({ slowMs: 3_000 });
  // The fake website lives on 127.0.0.1, which the checker refuses unless a test opens it.
  prober = createProber({ allowHosts: ['127.0.0.1'], timeoutMs: 800, maxBytes: 128 * 1024 });
});
afterAll(async () => {
  await prober.close();
  await site.close();
});

const probe = (path: string) => prober.probe(`${site.url}${path}`);

describe('the link checker against a local website', () => {
  it('tells ok, moved (with where it went), broken 4xx and server errors apart', async () => {
    expect(await probe('/ok')).toEqual({ state: 'ok', httpStatus: 200, finalUrl: null, detail: null });
    expect(await probe('/moved')).toEqual({ state: 'moved', httpStatus: 200, finalUrl: `${site.url}/ok/new-place`, detail: null });
    expect(await probe('/missing')).toMatchObject({ state: 'broken', httpStatus: 404 });
    expect(await probe('/gone')).toMatchObject({ state: 'broken', httpStatus: 410 });
    expect(await probe('/error')).toMatchObject({ state: 'server_error', httpStatus: 500 });
  });

  it('asks with HEAD and falls back to GET when HEAD is refused', async () => {
    const from = site.arrivals.length;
    expect(await probe('/no-head')).toMatchObject({ state: 'ok', httpStatus: 200 });
    expect(site.arrivals.slice(from).map((a) => a.method)).toEqual(['HEAD', 'GET']);
    expect(await probe('/head-404-get-200')).toMatchObject({ state: 'ok' });
    const okFrom = site.arrivals.length;
    await probe('/ok');
    expect(site.arrivals.slice(okFrom).map((a) => a.method)).toEqual(['HEAD']);
  });

  it('gives up on a slow page at the timeout', async () => {
    expect(await probe('/slow')).toMatchObject({ state: 'timeout', httpStatus: null });
  });

  it('stops at a redirect loop and after 5 redirects', async () => {
    expect(await probe('/loop-a')).toMatchObject({ state: 'broken', detail: 'redirect loop' });
    expect(await probe('/chain/5')).toMatchObject({ state: 'moved', httpStatus: 200 });
    expect(await probe('/chain/6')).toMatchObject({ state: 'broken', detail: 'more than 5 redirects' });
  });

  it('reads at most the size cap of an endless body and hangs up', async () => {
    const r = await probe('/huge');
    expect(r).toMatchObject({ state: 'ok', httpStatus: 200, detail: 'body read up to 131072 bytes' });
  });

  it('reports a name that does not resolve and a port nobody listens on', async () => {
    const dns = createProber({ resolve: (_h, cb) => cb(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }), []) });
    expect(await dns.probe('https://no-such-host.example.go.th/')).toMatchObject({ state: 'dns_failure' });
    await dns.close();
    expect(await prober.probe('http://127.0.0.1:1/')).toMatchObject({ state: 'unreachable' });
  });
});
