import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProber, type LookupFn } from '../../src/modules/links/probe.ts';
import { startFakeWebsite, type FakeWebsite } from '../fakes/website.ts';

/**
 * Issue 10/11: the evidence link checker must never reach loopback, private, link-local, CGNAT or
 * metadata addresses, however the URL spells them, after DNS and after every redirect. The fake
 * website on 127.0.0.1 and [::1] records every request: a refused URL must leave no trace there.
 */
let site: FakeWebsite;
beforeAll(async () => {
  site = await startFakeWebsite();
});
afterAll(() => site.close());

// Names that resolve the way an attacker's DNS would answer (tests cannot change /etc/hosts).
const attackerDns: LookupFn = (host, cb) => {
  const answers: Record<string, Array<{ address: string; family: number }>> = {
    'loopback.attacker.example': [{ address: '127.0.0.1', family: 4 }],
    'mixed.attacker.example': [{ address: '93.184.216.34', family: 4 }, { address: '127.0.0.1', family: 4 }],
    'v6.attacker.example': [{ address: '::1', family: 6 }],
    'mapped.attacker.example': [{ address: '::ffff:127.0.0.1', family: 6 }],
    'metadata.attacker.example': [{ address: '169.254.169.254', family: 4 }],
    'fake-site.test': [{ address: '127.0.0.1', family: 4 }],
  };
  const a = answers[host];
  if (!a) return cb(Object.assign(new Error(`no answer for ${host}`), { code: 'ENOTFOUND' }), []);
  cb(null, a);
};

describe('SSRF: the link checker refuses non-public addresses', () => {
  it('refuses every spelling of loopback, private, link-local and unspecified addresses, and none reaches the server', async () => {
    const prober = createProber({ resolve: attackerDns, timeoutMs: 2_000 });
    const p = site.port;
    const attempts = [
      `http://127.0.0.1:${p}/a`,
      `http://[::1]:${p}/b`,
      `http://[::ffff:127.0.0.1]:${p}/c`,
      `http://[::ffff:7f00:1]:${p}/d`,
      `http://0.0.0.0:${p}/e`,
      `http://[::]:${p}/f`,
      `http://2130706433:${p}/g`,
      `http://0177.0.0.1:${p}/h`,
      `http://0x7f.0.0.1:${p}/i`,
      `http://127.1:${p}/j`,
      `http://localhost:${p}/k`,
      `http://LOCALHOST.:${p}/l`,
      `http://169.254.169.254/latest/meta-data/`,
      `http://[fd00:ec2::254]/latest/meta-data/`,
      `http://100.100.100.200/latest/meta-data/`,
      `http://10.0.0.1/`,
      `http://192.168.1.1/`,
      `http://172.16.0.1/`,
      `http://100.64.0.1/`,
      `http://[fe80::1]/`,
      `http://224.0.0.1/`,
      `http://loopback.attacker.example:${p}/m`,
      `http://mixed.attacker.example:${p}/n`,
      `http://v6.attacker.example:${p}/o`,
      `http://mapped.attacker.example:${p}/p`,
      `http://metadata.attacker.example/q`,
      `http://intranet.internal:${p}/r`,
    ];
    for (const url of attempts) expect((await prober.probe(url)).state, url).toBe('unsafe');
    await prober.close();
    expect(site.arrivals).toEqual([]);
  });

  it('checks every redirect: an allowed site redirecting to loopback, [::1], metadata, 10.x or a name resolving to loopback goes no further', async () => {
    const prober = createProber({ allowHosts: ['127.0.0.1'], resolve: attackerDns, timeoutMs: 2_000 });
    for (const path of ['/to-localhost', '/to-ipv6-loopback', '/to-metadata', '/to-private', '/to-name/loopback.attacker.example', '/to-name/mixed.attacker.example']) {
      const r = await prober.probe(`${site.url}${path}`);
      expect(r.state, path).toBe('unsafe');
      expect(r.finalUrl, path).not.toBeNull();
    }
    await prober.close();
    expect(site.arrivals.map((a) => a.path).filter((x) => x === '/secret')).toEqual([]);
    expect(site.arrivals.every((a) => a.path.startsWith('/to-'))).toBe(true);
  });

  it('opens exactly the hosts LINK_CHECK_ALLOW_HOSTS names, by the name in the URL', async () => {
    const prober = createProber({ allowHosts: ['fake-site.test'], resolve: attackerDns, timeoutMs: 2_000 });
    const before = site.arrivals.length;
    expect(await prober.probe(`http://fake-site.test:${site.port}/ok`)).toMatchObject({ state: 'ok' });
    expect(site.arrivals.slice(before).map((a) => [a.path, a.host])).toEqual([['/ok', `fake-site.test:${site.port}`]]);
    // Allowing a name does not allow the address it resolves to, nor other names resolving there.
    expect((await prober.probe(`http://127.0.0.1:${site.port}/x`)).state).toBe('unsafe');
    expect((await prober.probe(`http://loopback.attacker.example:${site.port}/y`)).state).toBe('unsafe');
    await prober.close();
    expect(site.arrivals.slice(before + 1)).toEqual([]);
  });

  it('refuses other schemes and credentials in the URL', async () => {
    const prober = createProber({ resolve: attackerDns });
    for (const url of ['file:///etc/passwd', 'ftp://ftp.example.go.th/', 'gopher://example.go.th/', 'http://user:pw@www.example.go.th/']) {
      expect((await prober.probe(url)).state, url).toBe('unsafe');
    }
    await prober.close();
  });
});
