import { describe, expect, it } from 'vitest';
import { checkEvidenceUrl, evidenceWarning, MAX_EVIDENCE_URL_LENGTH } from './evidence-url.ts';

const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code: string; params: { reason?: string } }).code + ((e as any).params?.reason ? `:${(e as any).params.reason}` : '');
  }
};

describe('evidence URL rules (one function for LIFF, chat and the admin API)', () => {
  it('accepts a public http(s) page, trimmed and normalised', () => {
    expect(checkEvidenceUrl('  https://WWW.PT.go.th/ita/o1  ').url).toBe('https://www.pt.go.th/ita/o1');
    expect(checkEvidenceUrl('http://www.pt.go.th/ข่าว').url).toBe('http://www.pt.go.th/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7');
  });

  it('refuses other schemes, credentials, spaces and malformed input, saying why', () => {
    expect(code(() => checkEvidenceUrl('www.pt.go.th/ita'))).toBe('URL_INVALID:scheme');
    expect(code(() => checkEvidenceUrl('javascript:alert(1)'))).toBe('URL_INVALID:scheme');
    expect(code(() => checkEvidenceUrl('ftp://pt.go.th/x'))).toBe('URL_INVALID:scheme');
    expect(code(() => checkEvidenceUrl('https://u:p@pt.go.th/x'))).toBe('URL_INVALID:credentials');
    expect(code(() => checkEvidenceUrl('https://pt.go.th/a b'))).toBe('URL_INVALID:space');
    expect(code(() => checkEvidenceUrl('https://[::1'))).toBe('URL_INVALID:syntax');
  });

  it('refuses hosts that are not on the public internet, however they are spelled', () => {
    for (const u of ['http://localhost/x', 'http://127.0.0.1/', 'http://0x7f.0.0.1/', 'http://0177.0.0.1/', 'http://2130706433/', 'http://[::1]/',
      'http://[::ffff:127.0.0.1]/', 'http://10.0.0.8/', 'http://192.168.1.1/', 'http://169.254.169.254/latest/meta-data', 'http://100.100.100.200/',
      'http://0.0.0.0/', 'http://intranet/', 'http://files.local/a']) {
      expect(code(() => checkEvidenceUrl(u)), u).toBe('URL_NOT_PUBLIC');
    }
  });

  it('counts the length after normalisation: Thai text percent-encodes to many times its length', () => {
    const thai = `https://www.pt.go.th/${'ก'.repeat(250)}`;
    expect(thai.length).toBeLessThan(MAX_EVIDENCE_URL_LENGTH);
    expect(code(() => checkEvidenceUrl(thai))).toBe('URL_TOO_LONG');
    expect(code(() => checkEvidenceUrl(`https://www.pt.go.th/${'a'.repeat(2000)}`))).toBe('ok');
    expect(code(() => checkEvidenceUrl(`https://www.pt.go.th/${'a'.repeat(2100)}`))).toBe('URL_TOO_LONG');
  });

  it('refuses a link already on the assignment, ignoring the fragment and a trailing slash', () => {
    const existing = ['https://www.pt.go.th/ita/o1/'];
    expect(code(() => checkEvidenceUrl('https://www.pt.go.th/ita/o1#top', { existing }))).toBe('URL_DUPLICATE');
    expect(code(() => checkEvidenceUrl('https://www.pt.go.th/ita/o2', { existing }))).toBe('ok');
  });

  it('warns, without refusing, when the host is outside the organization’s website domains', () => {
    const orgDomains = ['www.pt.go.th'];
    expect(checkEvidenceUrl('https://pt.go.th/a', { orgDomains }).warnings).toEqual([]);
    expect(checkEvidenceUrl('https://ita.pt.go.th/a', { orgDomains }).warnings).toEqual([]);
    expect(checkEvidenceUrl('https://drive.google.com/a', { orgDomains }).warnings).toEqual([{ code: 'OUTSIDE_ORG_DOMAINS', host: 'drive.google.com', domains: ['pt.go.th'] }]);
    expect(checkEvidenceUrl('https://evil-pt.go.th.example.com/a', { orgDomains }).warnings).toHaveLength(1);
    expect(checkEvidenceUrl('https://drive.google.com/a').warnings).toEqual([]);
    expect(evidenceWarning('https://drive.google.com/a', orgDomains)?.code).toBe('OUTSIDE_ORG_DOMAINS');
  });
});
