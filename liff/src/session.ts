import type { Liff } from '@line/liff';
import liffCore from '@line/liff/core';
import GetAppLanguage from '@line/liff/get-app-language';
import GetIDToken from '@line/liff/get-id-token';
import IsInClient from '@line/liff/is-in-client';
import IsLoggedIn from '@line/liff/is-logged-in';
import Login from '@line/liff/login';
import Logout from '@line/liff/logout';
import { pickLang } from './messages.ts';
import type { Lang } from './types.ts';

// The pluggable LIFF core with only the APIs this page calls
// (https://developers.line.biz/en/docs/liff/pluggable-sdk/). use() does not widen the core's
// type, so the page sees the few methods it registered through this narrow view.
type LiffApi = Pick<Liff, 'init' | 'isInClient' | 'isLoggedIn' | 'login' | 'logout' | 'getIDToken' | 'getAppLanguage'>;
type MockApi = { $mock: { set(fn: (prev: Record<string, unknown>) => Record<string, unknown>): void } };
const liff = liffCore as unknown as LiffApi & Partial<MockApi>;

export type Session = {
  lang: Lang;
  mock: boolean;
  token(): string | null;
  /** Log in again and come back to this same address (expired or rejected ID token). */
  relogin(): void;
};

export type Boot =
  | { kind: 'ready'; session: Session }
  | { kind: 'redirecting'; lang: Lang }
  | { kind: 'problem'; problem: 'OFFLINE' | 'NOT_CONFIGURED' | 'LIFF_INIT'; lang: Lang };

const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';
const RELOGIN_KEY = 'ita-liff-relogin';

/**
 * Starts LIFF. Nothing reads the location's path before this resolves: inside LINE the deep link
 * (/liff/items/12) arrives as liff.state and init puts it in place.
 * `?mock=1&as=<LINE user id>` runs the real SDK with @line/liff-mock (loaded only then) and
 * sends `dev:<id>` as the bearer, which the server accepts only offline and from loopback.
 */
export async function boot(): Promise<Boot> {
  const params = new URLSearchParams(location.search);
  const langOverride = params.get('lang');
  const mockAs = params.get('mock') === '1' ? params.get('as')?.trim() || null : null;
  const liffId = meta('ita-liff-id') || import.meta.env.VITE_LIFF_ID || '';
  const offline = meta('ita-offline') === 'true';
  const fallbackLang = pickLang(navigator.language, langOverride);

  liffCore.use(new IsInClient()); // before the mock plugin: it asks isInClient() when installed
  liffCore.use(new IsLoggedIn());
  liffCore.use(new Login());
  liffCore.use(new Logout());
  liffCore.use(new GetIDToken());
  liffCore.use(new GetAppLanguage());

  performance.mark('ita:liff-init');
  if (mockAs) {
    const { LiffMockPlugin } = await import('@line/liff-mock');
    (liffCore as unknown as Liff).use(new LiffMockPlugin()); // typed for the full SDK; it patches only init
    liff.$mock?.set((prev) => ({
      ...prev,
      isLoggedIn: true,
      getIDToken: `dev:${mockAs}`,
      getAppLanguage: navigator.language,
      getProfile: { userId: mockAs, displayName: mockAs },
    }));
    await liff.init({ liffId: liffId || 'offline-mock', mock: true } as Parameters<LiffApi['init']>[0]);
    applyLiffState(params);
  } else if (offline || !liffId) {
    return { kind: 'problem', problem: offline ? 'OFFLINE' : 'NOT_CONFIGURED', lang: fallbackLang };
  } else {
    try {
      await liff.init({ liffId });
    } catch {
      return { kind: 'problem', problem: 'LIFF_INIT', lang: fallbackLang };
    }
    applyLiffState(new URLSearchParams(location.search));
    if (!liff.isLoggedIn()) {
      liff.login({ redirectUri: location.href });
      return { kind: 'redirecting', lang: fallbackLang };
    }
  }

  performance.mark('ita:liff-ready');
  const lang = pickLang(safe(() => liff.getAppLanguage()) ?? navigator.language, langOverride);
  const mock = mockAs !== null;
  return {
    kind: 'ready',
    session: {
      lang,
      mock,
      token: () => safe(() => liff.getIDToken()) ?? null,
      relogin: () => {
        sessionStorage.setItem(RELOGIN_KEY, String(Date.now()));
        if (mock) return location.reload();
        liff.logout();
        // In LINE's own browser init logs in by itself; liff.login() is for external browsers.
        if (liff.isInClient()) location.reload();
        else liff.login({ redirectUri: location.href });
      },
    },
  };
}

/** True when a re-login was tried moments ago: ask the user instead of looping through LINE Login. */
export function reloginJustTried(): boolean {
  const at = Number(sessionStorage.getItem(RELOGIN_KEY) ?? 0);
  return Date.now() - at < 60_000;
}

/** The SDK normally consumes liff.state itself; when it is still there (mock), apply it. */
function applyLiffState(params: URLSearchParams): void {
  const state = params.get('liff.state');
  if (!state || !state.startsWith('/')) return;
  params.delete('liff.state');
  const [path, query] = state.split('?');
  const merged = new URLSearchParams(query ?? '');
  params.forEach((v, k) => merged.set(k, v));
  const qs = merged.toString();
  history.replaceState(null, '', `${import.meta.env.BASE_URL.replace(/\/$/, '')}${path}${qs ? `?${qs}` : ''}`);
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
