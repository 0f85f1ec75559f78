/**
 * Webhook bodies as PostgreSQL can store them (issue 10.6). LINE's events are a few levels deep;
 * a signed body nested thousands deep is refused before JSON.parse ever sees it (parsing it,
 * and walking it afterwards, would cost stack and time on the acknowledgement path). Strings
 * jsonb cannot hold (U+0000, and lone UTF-16 surrogates, which JSON can spell as \\u escapes)
 * become U+FFFD, so one odd event neither fails its request nor the requests batched with it.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/** True when the JSON text nests objects/arrays deeper than `limit` (strings are skipped, escapes included). */
export function nestedDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  // A text with at most `limit` opening brackets in all (those inside strings included) cannot
  // nest deeper: counted with indexOf (native, far quicker than the walk below), this spares a
  // small body (one to a few events) the walk.
  let opening = 0;
  for (const bracket of ['{', '[']) {
    for (let i = text.indexOf(bracket); i !== -1 && opening <= limit; i = text.indexOf(bracket, i + 1)) opening++;
  }
  if (opening <= limit) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return false;
}

// Code units, not code points (no `u` flag): a surrogate without its partner, and U+0000.
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
const UNSTORABLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g;

function cleanString(s: string): string {
  return SUSPECT.test(s) ? s.replace(UNSTORABLE, '\uFFFD') : s;
}

/**
 * Whether parsing `text` can yield a string jsonb cannot hold. Decoded UTF-8 holds no lone
 * surrogate (invalid bytes became U+FFFD) and JSON forbids a raw U+0000 inside strings, so such
 * strings can only be spelled as \\u escapes: a body without one (nearly every body) needs no walk.
 */
export function mayHoldUnstorable(text: string): boolean {
  return /\\u(?:0000|[dD][89a-fA-F])/.test(text);
}

/**
 * Whether the JSON text may hold a number PostgreSQL's numeric (what jsonb keeps numbers in)
 * refuses although JSON.parse took it: numeric holds at most 16,383 digits after the point (and
 * 131,072 before it), counting what an exponent shifts, so the text is suspect with an exponent of
 * 4 digits or more (in a number where JSON puts one, so hex like a reply token's "3e1234" is not
 * taken for one), or a run of 15,000 digits (looked for only in a text that long). Such a body
 * (none of LINE's) is stored as re-serialised from its parsed value (where JSON.parse made
 * Infinity, null) instead of as its text. Both tests are quick on an ordinary body: the exponent
 * is a short pattern, and the lookbehind starts a digit run's match only at its first digit.
 */
export function mayNotFitNumeric(text: string): boolean {
  return /[:,[]\s*-?\d+(?:\.\d+)?[eE][+-]?\d{4}/.test(text) || (text.length >= 15_000 && /(?<!\d)\d{15000}/.test(text));
}

/** A copy of a parsed JSON value whose strings (keys too) PostgreSQL can store; the same value when nothing needed changing. */
export function storable<T>(value: T): T {
  if (typeof value === 'string') return cleanString(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v = storable(value[i]);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return (out ?? value) as T;
  }
  if (value && typeof value === 'object') {
    let out: Record<string, unknown> | null = null;
    for (const [k, v] of Object.entries(value)) {
      const key = cleanString(k);
      const val = storable(v);
      if (key !== k || val !== v) {
        out ??= { ...(value as Record<string, unknown>) };
        if (key !== k) delete out[k];
        out[key] = val;
      }
    }
    return (out ?? value) as T;
  }
  return value;
}
