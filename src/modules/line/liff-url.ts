import type { Config } from '../../config.ts';

/**
 * Where a button opens an item: the LIFF app when LIFF_ID is set
 * (https://developers.line.biz/en/docs/liff/opening-liff-app/), otherwise this server's own page.
 */
export function liffUrlFor(config: Config): (assignmentId: number) => string {
  if (config.line.liffId) return (id) => `https://liff.line.me/${config.line.liffId}/items/${id}`;
  const base = (config.publicBaseUrl ?? `http://${config.host}:${config.port}`).replace(/\/+$/, '');
  return (id) => `${base}/liff/items/${id}`;
}
