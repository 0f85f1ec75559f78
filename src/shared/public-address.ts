import ipaddr from 'ipaddr.js';

/**
 * Is an address (or a URL's host) one the public internet can reach? The one place this is
 * decided, for evidence URLs (refused when their host is a non-public literal) and for the link
 * checker (checked again after DNS resolution and after every redirect).
 *
 * Only ipaddr.js's "unicast" range counts as public. Everything else is refused: loopback,
 * private (10/8, 172.16/12, 192.168/16), link-local (169.254/16, where cloud metadata lives, and
 * fe80::/10), carrier-grade NAT (100.64/10, Alibaba's metadata 100.100.100.200), unspecified
 * (0.0.0.0, ::), multicast, broadcast, reserved and documentation ranges, unique-local IPv6
 * (fc00::/7, AWS's fd00:ec2::254), and IPv6 forms that embed or tunnel an IPv4 address (NAT64
 * 64:ff9b::/96, 6to4, Teredo). IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as its IPv4 address.
 */
export type AddressKind = 'public' | 'not_an_ip' | string;

export function classifyAddress(address: string): AddressKind {
  const a = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  // Zone ids (fe80::1%eth0) are link-local by definition.
  if (a.includes('%')) return 'linkLocal';
  if (!ipaddr.isValid(a)) return 'not_an_ip';
  const range = ipaddr.process(a).range();
  return range === 'unicast' ? 'public' : range;
}

export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === 'public';
}

/** Names that never resolve to a public web server (RFC 6761/6762/8375 special-use names). */
const SPECIAL_USE_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa', 'localdomain', 'lan', 'intranet'];

/**
 * A URL host as the WHATWG URL parser gives it (`new URL(u).hostname`, which already turns
 * 0x7f.0.0.1, 0177.0.0.1, 2130706433 and 127.1 into 127.0.0.1). True when the host is an IP
 * literal outside public ranges, or a special-use name such as localhost. A public-looking name
 * may still resolve to a private address: the link checker checks again after DNS.
 */
export function isNonPublicHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const kind = classifyAddress(host);
  if (kind !== 'not_an_ip') return kind !== 'public';
  if (!host.includes('.')) return true;
  return SPECIAL_USE_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`));
}
