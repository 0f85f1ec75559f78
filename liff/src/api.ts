import type { Filter, Item, ItemList, Lang, Me, Mutation, Overview } from './types.ts';

/**
 * An answer that is not a success: the API's envelope `{ error: { code, message, details? } }`,
 * or NETWORK when no answer came, or INTERNAL when a 5xx came without the envelope (a proxy).
 * `message` is the server's user-safe text (in the Accept-Language we sent), or empty.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export type ApiOptions = {
  /** The bearer: the LIFF ID token (or `dev:<LINE user id>` from the mock, offline only). */
  token: () => string | null;
  lang: Lang;
  base?: string;
};

const PRIMED_FOR_MS = 10_000;

export type TransitionBody = { action: string; note?: string; version: number; confirmIncomplete?: true };

export function createApi({ token, lang, base = '/api/liff/v1' }: ApiOptions) {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': lang };
    const bearer = token();
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, 'NETWORK', '');
    }
    const data: unknown = res.status === 204 ? null : await res.json().catch(() => null);
    if (res.ok) return data as T;
    const e = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
    const code = typeof e?.code === 'string' ? e.code : res.status >= 500 ? 'INTERNAL' : res.status === 429 ? 'RATE_LIMITED' : 'INTERNAL';
    const details = e?.details && typeof e.details === 'object' ? (e.details as Record<string, unknown>) : {};
    throw new ApiError(res.status, code, typeof e?.message === 'string' ? e.message : '', details);
  }

  // GETs started before the screen that needs them has rendered (main.tsx, right after
  // liff.init): the screen's first load takes the answer in flight instead of asking again.
  // A primed answer is used once, and only soon after it was asked for, so a screen shown later
  // never gets old data.
  const primed = new Map<string, { at: number; answer: Promise<unknown> }>();
  function get<T>(path: string): Promise<T> {
    const p = primed.get(path);
    primed.delete(path);
    if (p && performance.now() - p.at < PRIMED_FOR_MS) return p.answer as Promise<T>;
    return request<T>('GET', path);
  }
  function prime(path: string, answer: Promise<unknown> = request('GET', path)): void {
    answer.catch(() => {}); // the screen that takes it handles the error; unused, it is dropped
    primed.set(path, { at: performance.now(), answer });
  }
  // My items and /me in one request (`include=me`): one read on the server, one round trip.
  function primeListAndMe(filter: Filter): void {
    const both = request<ItemList & { me: Me }>('GET', `${list(filter)}&include=me`);
    prime(list(filter), both.then(({ me: _, ...rest }) => rest));
    prime('/me', both.then((r) => r.me));
  }

  const item = (id: number) => `/items/${encodeURIComponent(String(id))}`;
  const list = (filter: Filter) => `/items?filter=${filter}`;
  return {
    /** Starts the GETs a first screen will make, side by side, before it renders. */
    prime: {
      me: () => prime('/me'),
      item: (id: number) => prime(item(id)),
      listAndMe: primeListAndMe,
    },
    me: () => get<Me>('/me'),
    items: (filter: Filter) => get<ItemList>(list(filter)),
    item: (id: number) => get<Item>(item(id)),
    tick: (id: number, ticked: number[]) => request<Mutation>('PUT', `${item(id)}/components`, { ticked }),
    addEvidence: (id: number, url: string, label?: string) =>
      request<Mutation>('POST', `${item(id)}/evidence`, label ? { url, label } : { url }),
    editEvidence: (id: number, evidenceId: number, label: string | null) =>
      request<Mutation>('PATCH', `${item(id)}/evidence/${evidenceId}`, { label }),
    removeEvidence: (id: number, evidenceId: number) => request<Mutation>('DELETE', `${item(id)}/evidence/${evidenceId}`),
    transition: (id: number, body: TransitionBody) => request<Mutation>('POST', `${item(id)}/transitions`, body),
    overview: () => request<Overview>('GET', '/overview'),
  };
}

export type Api = ReturnType<typeof createApi>;
