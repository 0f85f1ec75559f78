import { en } from './en.ts';
import { th } from './th.ts';

export type Lang = 'th' | 'en';
export type Messages = typeof th;
export type { ErrorCode } from './th.ts';

export const messages: Record<Lang, Messages> = { th, en };

export function msg(lang: Lang = 'th'): Messages {
  return messages[lang] ?? th;
}

/** Picks English only when the client prefers it over Thai. */
export function langFromHeader(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'th';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'th';
}
