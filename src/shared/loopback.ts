/**
 * The simulator lets its user act as any officer or admin, so it answers only the machine it runs
 * on: the socket's own peer address (never a header a client could set). Docker's 0.0.0.0 binding
 * or a LAN cannot reach it.
 */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase();
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice('::ffff:'.length) : a;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
