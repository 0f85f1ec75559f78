import QRCode from 'qrcode';
import type { Lang } from '../../../messages/index.ts';
import type { Actor } from '../../auth/actor.ts';
import type { OfficersService } from '../../org/officers.usecases.ts';
import type { LineGateway } from '../line.gateway.ts';
import { renderLinkSheet, type LinkCard } from './link-sheet.html.ts';
import type { LinkingService } from './linking.usecases.ts';

export type LinkSheetDeps = {
  officers: Pick<OfficersService, 'list'>;
  linking: Pick<LinkingService, 'issueOfficerCodes'>;
  line: Pick<LineGateway, 'botBasicId'>;
  /** LINE_BOT_BASIC_ID; asked of LINE (getBotInfo) when unset. */
  botBasicId?: string;
};

/**
 * "Send this text to the bot" as a LINE URL: opens the 1:1 chat with the text typed in, ready to
 * send (https://developers.line.biz/en/docs/messaging-api/using-line-url-scheme/#sending-text-messages:
 * `https://line.me/R/oaMessage/{LINE ID}/?{text_message}`, the ID with its @ and the text percent-encoded).
 */
export function oaMessageUrl(basicId: string, text: string): string {
  return `https://line.me/R/oaMessage/${encodeURIComponent(basicId)}/?${encodeURIComponent(text)}`;
}

/** The text an officer sends to link their account (the chat command `ผูกบัญชี <code>`). */
export const linkText = (code: string) => `ผูกบัญชี ${code}`;

/**
 * A printable sheet with one card per active officer (or only those not yet linked): a fresh
 * one-time code each and a QR code that opens the bot with the code typed in, so an admin can
 * link a whole agency in one meeting. Without the bot's basic ID there is no QR to print: the
 * sheet says which setting is missing and the codes are still typed by hand.
 */
export async function buildLinkSheet(d: LinkSheetDeps, actor: Actor, opts: { orgName: string; unlinked?: boolean; ttlDays?: number; lang?: Lang }) {
  const people = (await d.officers.list(actor, { unlinked: opts.unlinked })).filter((o) => o.active);
  const basicId = d.botBasicId ?? (await d.line.botBasicId());
  const issued = people.length ? await d.linking.issueOfficerCodes(actor, people.map((p) => p.id), opts.ttlDays) : [];
  const codeOf = new Map(issued.map((c) => [c.officerId, c]));
  const cards: LinkCard[] = [];
  for (const p of people) {
    const c = codeOf.get(p.id)!;
    const url = basicId ? oaMessageUrl(basicId, linkText(c.code)) : null;
    const qrSvg = url ? await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) : null;
    cards.push({ name: p.name, position: p.position, unit: p.unitName, code: c.code, expiresAt: c.expiresAt, linked: p.linked, url, qrSvg });
  }
  return { html: renderLinkSheet({ orgName: opts.orgName, basicId, cards, lang: opts.lang ?? 'th' }), cards: cards.length, basicId };
}
