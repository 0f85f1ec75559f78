import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { Dispatcher } from 'undici';
import { isNonPublicHost, isPublicAddress } from '../../shared/public-address.ts';

/**
 * One evidence URL's health, checked the way a visitor's browser would reach it, and SSRF-safe:
 * the checker runs inside the agency's network, so a URL (or a redirect, or a DNS answer) must
 * never make it touch loopback, private, link-local, CGNAT, multicast or cloud-metadata addresses.
 *
 * - A hop's host that is an IP literal (the WHATWG parser already turned 2130706433, 0177.0.0.1,
 *   0x7f.1 into 127.0.0.1) or a special-use name (localhost, *.internal) is refused before any
 *   connection.
 * - A name is resolved by our own lookup inside undici's connector: every address it returns is
 *   checked with public-address.ts and only checked addresses are handed to the socket, so the
 *   connection is pinned to what was checked (no second resolution to rebind).
 * - Redirects are followed by hand, at most `maxRedirects`, each hop checked again.
 * - HEAD first; GET when HEAD is refused (405/501 and other 4xx/5xx some servers give HEAD); a GET
 *   body is read up to `maxBytes` and the connection dropped; one timeout covers the whole link.
 * LINK_CHECK_ALLOW_HOSTS names hosts (as written in URLs) exempt from the address rule, for
 * tests and staging only.
 */
export type LinkState = 'ok' | 'moved' | 'broken' | 'server_error' | 'timeout' | 'dns_failure' | 'unreachable' | 'unsafe';

export type ProbeResult = { state: LinkState; httpStatus: number | null; finalUrl: string | null; detail: string | null };

export type LookupFn = (hostname: string, cb: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

export type ProbeOptions = {
  allowHosts?: readonly string[];
  timeoutMs?: number;
  maxRedirects?: number;
  maxBytes?: number;
  userAgent?: string;
  /** DNS resolution (all addresses of a name); node's resolver unless given. */
  resolve?: LookupFn;
};

class UnsafeAddress extends Error {
  code = 'E_UNSAFE_ADDRESS';
}

const systemResolve: LookupFn = (hostname, cb) => dnsLookup(hostname, { all: true, verbatim: true }, cb);

export function createProber(opts: ProbeOptions = {}) {
  const allow = new Set((opts.allowHosts ?? []).map((h) => h.toLowerCase().replace(/^\[|\]$/g, '')));
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const maxRedirects = opts.maxRedirects ?? 5;
  const maxBytes = opts.maxBytes ?? 256 * 1024;
  const resolve = opts.resolve ?? systemResolve;
  const allowed = (host: string) => allow.has(host.toLowerCase().replace(/^\[|\]$/g, ''));

  // net.connect calls this for every connection to a name (never for an IP literal: those are
  // checked in hopRefusal before the request is made).
  const checkedLookup = (
    hostname: string,
    options: { all?: boolean },
    cb: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    resolve(hostname, (err, addresses) => {
      if (err) return cb(err, '', 0);
      const list = allowed(hostname) ? addresses : addresses.filter((a) => isPublicAddress(a.address));
      if (!list.length || list.length !== addresses.length) {
        const bad = addresses.find((a) => !isPublicAddress(a.address))?.address ?? '';
        return cb(new UnsafeAddress(`${hostname} resolves to ${bad}`), '', 0);
      }
      if (options.all) return cb(null, list);
      cb(null, list[0]!.address, list[0]!.family);
    });
  };

  // undici is loaded on the first check: a large module every CLI start would pay for otherwise.
  let client: Promise<{ agent: Dispatcher; request: typeof import('undici').request }> | undefined;
  const undici = () => (client ??= import('undici').then(({ Agent, request }) => ({
    agent: new Agent({ connect: { lookup: checkedLookup as never }, connections: 4, pipelining: 0 }),
    request,
  })));

  function hopRefusal(url: URL): string | null {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `scheme ${url.protocol}`;
    if (url.username || url.password) return 'credentials in URL';
    const host = url.hostname;
    if (allowed(host)) return null;
    return isNonPublicHost(host) ? `address ${host}` : null;
  }

  async function once(url: URL, method: 'HEAD' | 'GET', signal: AbortSignal) {
    const { agent, request } = await undici();
    const res = await request(url, {
      method,
      dispatcher: agent,
      signal,
      headers: { 'user-agent': opts.userAgent ?? 'ita-oit-link-check/1 (+evidence link health)', accept: '*/*' },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    let read = 0;
    if (method === 'GET') {
      for await (const chunk of res.body) {
        read += (chunk as Buffer).length;
        if (read >= maxBytes) break;
      }
    }
    // A late abort (the link's timeout) must not surface as an error on a body we are done with.
    res.body.on('error', () => {});
    res.body.destroy();
    return { status: res.statusCode, location: typeof res.headers.location === 'string' ? res.headers.location : null, truncated: read >= maxBytes };
  }

  return {
    async probe(input: string): Promise<ProbeResult> {
      // One deadline for the whole link (every hop, HEAD and GET, and the body), cleared when done.
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(Object.assign(new Error('link check timed out'), { name: 'TimeoutError' })), timeoutMs);
      try {
        return await this.probeWithin(input, controller.signal);
      } finally {
        clearTimeout(timer);
      }
    },

    async probeWithin(input: string, signal: AbortSignal): Promise<ProbeResult> {
      let url: URL;
      try {
        url = new URL(input);
      } catch {
        return { state: 'broken', httpStatus: null, finalUrl: null, detail: 'invalid URL' };
      }
      const seen = new Set<string>();
      for (let hop = 0; ; hop++) {
        const refusal = hopRefusal(url);
        if (refusal) return { state: 'unsafe', httpStatus: null, finalUrl: hop ? url.href : null, detail: refusal };
        try {
          let r = await once(url, 'HEAD', signal);
          if (r.status >= 400) r = await once(url, 'GET', signal);
          if (r.status >= 300 && r.status < 400 && r.location) {
            seen.add(url.href);
            const next = new URL(r.location, url);
            if (hop + 1 > maxRedirects || seen.has(next.href)) {
              return { state: 'broken', httpStatus: r.status, finalUrl: next.href, detail: seen.has(next.href) ? 'redirect loop' : `more than ${maxRedirects} redirects` };
            }
            url = next;
            continue;
          }
          const finalUrl = hop ? url.href : null;
          if (r.status < 300) return { state: hop ? 'moved' : 'ok', httpStatus: r.status, finalUrl, detail: r.truncated ? `body read up to ${maxBytes} bytes` : null };
          return { state: r.status >= 500 ? 'server_error' : 'broken', httpStatus: r.status, finalUrl, detail: null };
        } catch (e) {
          return { ...classifyError(e), finalUrl: hop ? url.href : null };
        }
      }
    },
    close: async () => {
      if (client) await (await client).agent.close();
    },
  };
}

function classifyError(e: unknown): Omit<ProbeResult, 'finalUrl'> {
  const err = e as { code?: string; name?: string; message?: string; cause?: { code?: string } };
  const code = err.code ?? err.cause?.code ?? '';
  const detail = (code || err.name || 'error').slice(0, 60);
  if (code === 'E_UNSAFE_ADDRESS') return { state: 'unsafe', httpStatus: null, detail: err.message ?? null };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') return { state: 'dns_failure', httpStatus: null, detail };
  if (err.name === 'TimeoutError' || err.name === 'AbortError' || code === 'UND_ERR_ABORTED' || /TIMEOUT/.test(code)) return { state: 'timeout', httpStatus: null, detail };
  return { state: 'unreachable', httpStatus: null, detail };
}

export type Prober = ReturnType<typeof createProber>;
