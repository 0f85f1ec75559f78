import type { Config } from '../../config.ts';

/** The settings a link needs (narrow, so the reminders' message builders can take just these). */
export type LinkConfig = Pick<Config, 'host' | 'port' | 'publicBaseUrl'> & { line: Pick<Config['line'], 'liffId'> };

/**
 * Where a button opens an item (or, without an id, the item list): the LIFF app when LIFF_ID is
 * set (https://developers.line.biz/en/docs/liff/opening-liff-app/), otherwise this server's own
 * page. The one place these links are built (chat cards and reminders alike).
 */
export function liffUrl(config: LinkConfig, assignmentId?: number): string {
  const path = assignmentId === undefined ? 'items' : `items/${assignmentId}`;
  if (config.line.liffId) return `https://liff.line.me/${config.line.liffId}/${path}`;
  const base = (config.publicBaseUrl ?? `http://${config.host}:${config.port}`).replace(/\/+$/, '');
  return `${base}/liff/${path}`;
}

export function liffUrlFor(config: LinkConfig): (assignmentId: number) => string {
  return (id) => liffUrl(config, id);
}
