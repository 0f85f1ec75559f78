import type { messagingApi } from '@line/bot-sdk';
import type { Messages } from '../../../../messages/index.ts';
import { encodePostback, type Postback } from '../postback.ts';

type FlexComponent = messagingApi.FlexComponent;
type FlexBubble = messagingApi.FlexBubble;
type Action = messagingApi.Action;

/** LINE limits: https://developers.line.biz/en/reference/messaging-api/#f-carousel, #quick-reply */
export const MAX_BUBBLES = 12;
export const MAX_QUICK_REPLIES = 13;
/** altText is limited to 400 characters. */
const MAX_ALT = 400;

/** What every builder needs: the texts, the LIFF link for an assignment, today's date in Bangkok. */
export type FlexContext = { m: Messages; liffUrl: (assignmentId: number) => string; today: string };

export const COLORS: Record<string, string> = {
  not_started: '#9E9E9E',
  in_progress: '#1E88E5',
  submitted: '#FB8C00',
  checked: '#7CB342',
  approved: '#43A047',
  returned: '#E53935',
  not_applicable: '#757575',
  overdue: '#D32F2F',
  muted: '#888888',
  bar: '#E0E0E0',
  brand: '#06C755',
};

const words = new Intl.Segmenter('th', { granularity: 'word' });
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/**
 * Shortens `s` to at most `n` characters with an ellipsis, at a word boundary (Thai is written
 * without spaces: ICU's dictionary finds the words), never mid-word and never between a letter
 * and its vowel or tone mark. Callers keep the full text elsewhere (a button's displayText, the
 * item's detail or page). A single word longer than half the room (a URL) is cut by letter.
 */
export function clip(s: string, n: number): string {
  if (s.length <= n) return s;
  const fit = (parts: Iterable<{ segment: string }>) => {
    let out = '';
    for (const { segment } of parts) {
      if (out.length + segment.length > n - 1) break;
      out += segment;
    }
    return out;
  };
  let out = fit(words.segment(s)).trimEnd();
  if (out.length < Math.ceil(n / 2)) out = fit(graphemes.segment(s));
  return `${out}…`;
}

export function text(t: string, o: Partial<messagingApi.FlexText> = {}): messagingApi.FlexText {
  return { type: 'text', text: t.length ? t : ' ', wrap: true, size: 'sm', ...o };
}

export function box(layout: 'vertical' | 'horizontal' | 'baseline', contents: FlexComponent[], o: Partial<messagingApi.FlexBox> = {}): messagingApi.FlexBox {
  return { type: 'box', layout, contents, ...o };
}

export const separator = (): messagingApi.FlexSeparator => ({ type: 'separator', margin: 'md' });

export function postback(label: string, p: Postback, displayText?: string): Action {
  return { type: 'postback', label: clip(label, 20), data: encodePostback(p), ...(displayText ? { displayText: clip(displayText, 300) } : {}) };
}

export const uri = (label: string, url: string): Action => ({ type: 'uri', label: clip(label, 20), uri: url });

export function button(action: Action, style: 'primary' | 'secondary' | 'link' = 'secondary'): messagingApi.FlexButton {
  return { type: 'button', action, style, height: 'sm', margin: 'sm', ...(style === 'primary' ? { color: COLORS.brand } : {}) };
}

/** A progress bar drawn with two boxes: the filled part's width is the percentage. */
export function progressBar(percent: number, color = COLORS.brand): messagingApi.FlexBox {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  const filled = box('vertical', [], { width: `${p}%`, backgroundColor: p > 0 ? color : COLORS.bar, height: '6px' });
  return box('vertical', [filled], { backgroundColor: COLORS.bar, height: '6px', margin: 'sm', cornerRadius: '3px' });
}

export function bubble(parts: { header?: FlexComponent[]; body: FlexComponent[]; footer?: FlexComponent[] }, size: FlexBubble['size'] = 'mega'): FlexBubble {
  return {
    type: 'bubble',
    size,
    ...(parts.header ? { header: box('vertical', parts.header, { paddingBottom: 'sm' }) } : {}),
    body: box('vertical', parts.body, { spacing: 'sm' }),
    ...(parts.footer && parts.footer.length ? { footer: box('vertical', parts.footer, { spacing: 'none' }) } : {}),
  };
}

export function flexMessage(altText: string, contents: FlexBubble | FlexBubble[]): messagingApi.FlexMessage {
  const list = Array.isArray(contents) ? contents : [contents];
  if (list.length > MAX_BUBBLES) throw new Error(`carousel of ${list.length} bubbles exceeds LINE's ${MAX_BUBBLES}`);
  return {
    type: 'flex',
    altText: clip(altText, MAX_ALT),
    contents: list.length === 1 ? list[0]! : { type: 'carousel', contents: list },
  };
}

/** LINE refuses a URI action longer than this (https://developers.line.biz/en/reference/messaging-api/#uri-action). */
export const LINE_URI_MAX = 1000;

/** Opens `url`, or `fallback` (the item's page) when LINE would refuse `url` as too long. */
export function linkTo(url: string, fallback: string): messagingApi.URIAction {
  return { type: 'uri', label: 'link', uri: url.length <= LINE_URI_MAX ? url : fallback };
}

export function textMessage(t: string, quick?: Action[]): messagingApi.TextMessage {
  return { type: 'text', text: clip(t, 5000), ...(quick && quick.length ? { quickReply: quickReply(quick) } : {}) };
}

export function quickReply(actions: Action[]): messagingApi.QuickReply {
  return { items: actions.slice(0, MAX_QUICK_REPLIES).map((action) => ({ type: 'action', action })) };
}
