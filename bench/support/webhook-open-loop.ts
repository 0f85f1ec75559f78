/**
 * The open-loop load generator for bench:webhook's acknowledgement latency, run as its own process.
 * Usage: node webhook-open-loop.ts <url> <seconds> <rate> [connections]; prints a JSON result.
 *
 * Why not autocannon's `overallRate`: autocannon 9 (lib/httpClient.js) gives each connection
 * rate/connections requests per second and sends them back to back (the next as soon as the last
 * answers) until that budget is spent, then pauses until a 1 s setInterval resets it. At 200 req/s
 * over 10 connections every second starts with a burst of 10 requests in flight that lasts until
 * all 200 are answered: its p99 measures queueing inside a burst it made itself (the bare
 * signature route showed p99 24 ms), not how fast a request arriving at 200 req/s is acknowledged.
 *
 * Here requests are sent at the stated mean rate with exponential (Poisson) gaps, as independent
 * LINE deliveries arrive, each at its scheduled time whatever the ones before it are doing (open
 * loop), over keep-alive connections (undici Pool, far more connections than are ever in flight,
 * so a request never waits for a socket; the result says how many were at most). Latency runs from
 * the scheduled send time to the end of the response, so a late send (a busy generator or server)
 * counts against the server instead of being hidden (no coordinated omission), and goes into an
 * HDR histogram in microseconds. Bodies (5 signed text events, unique ids) are made beforehand,
 * so signing costs nothing during the run. `lagP99` is how late the generator itself sent.
 */
import * as hdr from 'hdr-histogram-js';
import { Pool } from 'undici';
import { signedBody } from './webhook-events.ts';

const [url, secondsArg, rateArg, connectionsArg] = process.argv.slice(2);
const seconds = Number(secondsArg);
const rate = Number(rateArg);
const connections = Number(connectionsArg ?? 128);
const SECRET = process.env.BENCH_LINE_SECRET!;
// The schedule (ms from the start): exponential gaps with mean 1000/rate.
const schedule: number[] = [];
for (let t = -Math.log(1 - Math.random()) * (1000 / rate); t < seconds * 1000; t += -Math.log(1 - Math.random()) * (1000 / rate)) schedule.push(t);
const bodies = schedule.map(() => signedBody(SECRET));

const pool = new Pool(url!, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
const latency = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
const lag = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
let ok = 0;
let non2xx = 0;
let errors = 0;
let inFlight = 0;
let maxInFlight = 0;

async function send(i: number, start: number) {
  const due = start + schedule[i]!;
  lag.recordValue(Math.max(1, Math.round((performance.now() - due) * 1000)));
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  try {
    const { body, signature } = bodies[i]!;
    const res = await pool.request({ path: '/webhook', method: 'POST', body, headers: { 'content-type': 'application/json; charset=utf-8', 'x-line-signature': signature } });
    await res.body.dump();
    if (res.statusCode >= 200 && res.statusCode < 300) ok++;
    else non2xx++;
    latency.recordValue(Math.max(1, Math.round((performance.now() - due) * 1000)));
  } catch {
    errors++;
  } finally {
    inFlight--;
  }
}

const start = performance.now();
const cpu0 = process.cpuUsage();
const sent: Array<Promise<void>> = [];
await new Promise<void>((done) => {
  let next = 0;
  const tick = () => {
    const now = performance.now() - start;
    while (next < schedule.length && schedule[next]! <= now) sent.push(send(next++, start));
    if (next >= schedule.length) return done();
    setTimeout(tick, Math.max(0, schedule[next]! - (performance.now() - start)));
  };
  tick();
});
await Promise.all(sent);
const wall = (performance.now() - start) / 1000;
await pool.close();
const cpu = process.cpuUsage(cpu0);
const ms = (us: number) => Math.round(us / 100) / 10;
process.stdout.write(JSON.stringify({
  rps: ok / wall,
  sent: schedule.length,
  p50: ms(latency.getValueAtPercentile(50)),
  p99: ms(latency.getValueAtPercentile(99)),
  max: ms(latency.maxValue),
  lagP99: ms(lag.getValueAtPercentile(99)),
  maxInFlight,
  connections,
  non2xx,
  errors,
  cpuMs: (cpu.user + cpu.system) / 1000,
}));
