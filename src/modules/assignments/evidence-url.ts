import { errors } from '../../shared/errors.ts';

/**
 * Evidence must be a public http(s) page on the agency's website. Stored as given (normalised by
 * URL); nothing here fetches it — the link health check does that later, SSRF-safe.
 */
export function normaliseEvidenceUrl(input: string): string {
  const raw = input.trim();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw errors.urlInvalid(raw);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || !url.hostname.includes('.')) {
    throw errors.urlInvalid(raw);
  }
  if (raw.length > 2048) throw errors.urlInvalid(`${raw.slice(0, 60)}…`);
  return url.toString();
}
