import type { Issue } from './validation.th.ts';

/** Why one field of a request is wrong, in English (see validation.th.ts). */
const FORMAT: Record<string, string> = {
  url: 'a valid URL', email: 'an email address', datetime: 'an ISO date-time, e.g. 2025-03-24T09:00:00+07:00', date: 'a date YYYY-MM-DD',
  time: 'a time HH:MM', uuid: 'a UUID', regex: 'in the expected format',
};
const list = (v: unknown[] = []) => v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ');

export function issueEn(i: Issue): string {
  if (i.message) return i.message;
  if (i.missing) return 'required';
  const n = i.origin === 'string' ? ' characters' : i.origin === 'array' || i.origin === 'set' ? ' items' : '';
  switch (i.code) {
    case 'invalid_type':
      return `must be ${i.expected === 'int' ? 'a whole number' : `a ${i.expected}`}`;
    case 'invalid_value':
      return (i.values ?? []).length === 1 ? `must be ${list(i.values)}` : `must be one of: ${list(i.values)}`;
    case 'too_small':
      if (n) return `at least ${i.minimum}${n}`;
      return i.inclusive === false ? `must be more than ${i.minimum}` : `must be at least ${i.minimum}`;
    case 'too_big':
      if (n) return `at most ${i.maximum}${n}`;
      return i.inclusive === false ? `must be less than ${i.maximum}` : `must be at most ${i.maximum}`;
    case 'invalid_format':
      return `must be ${FORMAT[i.format ?? ''] ?? 'in the expected format'}`;
    case 'not_multiple_of':
      return `must be a multiple of ${i.divisor}`;
    case 'unrecognized_keys':
      return `unknown fields: ${(i.keys ?? []).join(', ')}`;
    case 'invalid_union':
      return 'does not match any accepted shape';
    case 'content_type':
      return 'send JSON (content-type: application/json)';
    default:
      return 'invalid';
  }
}
