import { en } from './messages.en.ts';
import { th, type Messages } from './messages.th.ts';
import type { Lang } from './types.ts';

export type { Messages };

/** Thai unless the user's LINE app / browser language is English. */
export function pickLang(language: string | undefined, override?: string | null): Lang {
  const l = (override ?? language ?? 'th').toLowerCase();
  return l.startsWith('en') ? 'en' : 'th';
}

export function messagesFor(lang: Lang): Messages {
  return lang === 'en' ? en : th;
}
