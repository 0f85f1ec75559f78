/**
 * The LINE stand-in in its own process for bench/reminders.bench.ts, so that its CPU and memory
 * are not counted as the sender's. Prints its URL; answers "stats" over IPC.
 */
import { startLineApiStandIn } from '../test/fakes/line-api.ts';

const standIn = await startLineApiStandIn({ latencyMs: Number(process.env.LATENCY_MS ?? 20), recordBodies: false });
process.send!({ url: standIn.url });
process.on('message', async (m: { cmd: string }) => {
  if (m.cmd === 'stats') {
    const delivered = standIn.delivered().filter((r) => r.path === '/v2/bot/message/push');
    const perKey = new Map<string, number>();
    for (const r of delivered) perKey.set(r.retryKey ?? '', (perKey.get(r.retryKey ?? '') ?? 0) + 1);
    const pushes = standIn.requests.filter((r) => r.path === '/v2/bot/message/push').length;
    const duplicateAccepts = [...perKey.values()].reduce((s, n) => s + n - 1, 0);
    // The same recipient getting the same kind of message twice (e.g. planned twice under two keys).
    const perRecipientKind = new Set(delivered.map((r) => `${r.body.to}|${String(r.body.altText ?? '').split(':')[0]}`));
    process.send!({ accepted: delivered.length, requests: pushes, distinctKeys: perKey.size, duplicateAccepts, duplicateRecipientKind: delivered.length - perRecipientKind.size });
  }
  if (m.cmd === 'close') {
    await standIn.close();
    process.exit(0);
  }
});
