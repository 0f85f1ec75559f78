import { errors } from '../../shared/errors.ts';
import { isNonPublicHost } from '../../shared/public-address.ts';

/** Longest evidence URL kept, counted on the normalised form (Thai text percent-encodes to ~9× its length). */
export const MAX_EVIDENCE_URL_LENGTH = 2048;
/** Raw input past this is refused before parsing: nothing that long normalises under the limit. */
const MAX_RAW_LENGTH = 8192;

export type EvidenceWarning = { code: 'OUTSIDE_ORG_DOMAINS'; host: string; domains: string[] };

/**
 * The evidence URL rules, one function for every entry point (LIFF, chat `ลิงก์`, admin API):
 * a public http(s) web page, at most 2,048 characters once normalised, no credentials, no
 * whitespace inside, not already attached to the same assignment. A host outside the
 * organization's website domains is allowed with a warning: NACC scores what is on the agency's
 * main website, but a ministry portal or a document host can be legitimate.
 *
 * Nothing here fetches the URL; the link health check does that, SSRF-safe, after DNS.
 */
export function checkEvidenceUrl(
  input: string,
  ctx: { existing?: readonly string[]; orgDomains?: readonly string[] } = {},
): { url: string; warnings: EvidenceWarning[] } {
  const raw = input.trim();
  if (raw.length > MAX_RAW_LENGTH) throw errors.urlTooLong(MAX_EVIDENCE_URL_LENGTH);
  const shown = raw.length > 80 ? `${raw.slice(0, 77)}…` : raw;
  // A space inside is a paste that caught the next words, or a path the browser would encode: ask.
  if (/\s/.test(raw)) throw errors.urlInvalid(shown, 'space');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw errors.urlInvalid(shown, /^[a-z][a-z0-9+.-]*:/i.test(raw) ? 'syntax' : 'scheme');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw errors.urlInvalid(shown, 'scheme');
  if (url.username || url.password) throw errors.urlInvalid(shown, 'credentials');
  // The WHATWG parser already canonicalises 0x7f.0.0.1, 0177.0.0.1 and 2130706433 to 127.0.0.1.
  if (isNonPublicHost(url.hostname)) throw errors.urlNotPublic(url.hostname);
  const normalised = url.href;
  if (normalised.length > MAX_EVIDENCE_URL_LENGTH) throw errors.urlTooLong(MAX_EVIDENCE_URL_LENGTH);
  if ((ctx.existing ?? []).some((e) => sameUrl(e, normalised))) throw errors.urlDuplicate(normalised);

  const w = domainWarning(url, ctx.orgDomains ?? []);
  return { url: normalised, warnings: w ? [w] : [] };
}

/** The warning a stored link deserves (shown next to it), or null. */
export function evidenceWarning(url: string, orgDomains: readonly string[]): EvidenceWarning | null {
  try {
    return domainWarning(new URL(url), orgDomains);
  } catch {
    return null;
  }
}

function domainWarning(url: URL, orgDomains: readonly string[]): EvidenceWarning | null {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const domains = orgDomains.map(siteOf).filter(Boolean);
  const inside = domains.length === 0 || domains.some((d) => host === d || host.endsWith(`.${d}`));
  return inside ? null : { code: 'OUTSIDE_ORG_DOMAINS', host, domains };
}

/** "www.rayong.go.th" also covers "rayong.go.th" pages on other sub-domains of the agency's site. */
function siteOf(domain: string): string {
  return domain.toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/** Duplicates ignore the fragment and a trailing slash: they open the same page. */
function sameUrl(a: string, b: string): boolean {
  const key = (u: string) => {
    try {
      const x = new URL(u);
      x.hash = '';
      return x.href.replace(/\/$/, '');
    } catch {
      return u;
    }
  };
  return key(a) === key(b);
}
