/**
 * Is this socket peer the machine itself? The offline simulator and the LIFF page's development
 * tokens let their user act as any officer, so they answer only the machine they run on: judged
 * by the socket's own peer address (never a header a client could set), so Docker's 0.0.0.0
 * binding or a LAN cannot reach them.
 */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase();
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice('::ffff:'.length) : a;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
