/**
 * The load generator for bench:webhook, run as its own process so that signing requests and
 * counting responses do not share the event loop with the server being measured.
 * Usage: node webhook-load.ts <url> <seconds> <connections>; prints autocannon's result as JSON.
 * Closed loop (each connection sends its next request when the last one answered): throughput.
 * Latency at a given rate is webhook-open-loop.ts's job.
 */
import autocannon from 'autocannon';
import { signedBody } from './webhook-events.ts';

const [url, seconds, connections] = process.argv.slice(2);
const SECRET = process.env.BENCH_LINE_SECRET!;
const result = await autocannon({
  url: `${url}/webhook`,
  method: 'POST',
  connections: Number(connections),
  duration: Number(seconds),
  headers: { 'content-type': 'application/json; charset=utf-8' },
  requests: [{
    setupRequest: (req: any) => {
      const { body, signature } = signedBody(SECRET);
      return { ...req, body, headers: { ...req.headers, 'x-line-signature': signature } };
    },
  }],
});
// cpuMs: this process's own CPU time (user + system), so the bench can tell it apart from the server's.
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, cpuMs: (cpu.user + cpu.system) / 1000 }));
