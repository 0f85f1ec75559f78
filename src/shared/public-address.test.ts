import { describe, expect, it } from 'vitest';
import { classifyAddress, isNonPublicHost, isPublicAddress } from './public-address.ts';

const hostOf = (u: string) => new URL(u).hostname;

describe('public addresses', () => {
  it('public unicast addresses are public', () => {
    for (const a of ['8.8.8.8', '164.115.22.7', '2001:4860:4860::8888', '[2404:6800:4003::200e]']) expect(isPublicAddress(a), a).toBe(true);
  });

  it('loopback, private, link-local, CGNAT, metadata, multicast and unspecified addresses are not', () => {
    const refused = [
      '127.0.0.1', '127.255.0.9', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1',
      '100.100.100.200', '0.0.0.0', '224.0.0.1', '255.255.255.255', '192.0.2.10', '198.18.0.1',
      '::1', '::', 'fe80::1', 'fe80::1%eth0', 'fd00:ec2::254', 'fc00::1', 'ff02::1',
      '::ffff:127.0.0.1', '::ffff:7f00:1', '[::ffff:169.254.169.254]', '64:ff9b::7f00:1', '2002:7f00:1::', '2001::1',
    ];
    for (const a of refused) expect(isPublicAddress(a), a).toBe(false);
  });

  it('judges an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    expect(classifyAddress('::ffff:10.1.2.3')).toBe('private');
    expect(classifyAddress('::ffff:8.8.8.8')).toBe('public');
  });

  it('says when a string is not an IP address at all', () => {
    expect(classifyAddress('www.example.go.th')).toBe('not_an_ip');
  });
});

describe('non-public URL hosts', () => {
  it('refuses loopback however it is spelled in a URL', () => {
    for (const u of ['http://127.0.0.1/', 'http://0x7f.0.0.1/', 'http://0177.0.0.1/', 'http://2130706433/', 'http://127.1/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://0/']) {
      expect(isNonPublicHost(hostOf(u)), u).toBe(true);
    }
  });

  it('refuses localhost and other special-use names, and single-label hosts', () => {
    for (const h of ['localhost', 'LOCALHOST.', 'app.localhost', 'printer.local', 'db.internal', 'nas.home.arpa', 'intranet']) expect(isNonPublicHost(h), h).toBe(true);
  });

  it('accepts public names and addresses', () => {
    for (const h of ['www.rayong.go.th', 'oit.nacc.go.th', '8.8.8.8', '[2001:4860:4860::8888]']) expect(isNonPublicHost(h), h).toBe(false);
  });
});
