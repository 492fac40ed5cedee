import { type BenchServer, graphql, processUsage, resetStats, stats } from './harness.ts';
import type { QueryName, Request, System } from './mix.ts';

export interface TimingSettings {
  /** Requests one after another (concurrency 1) per round, for latency and Bolt traffic. */
  samples: number;
  /** Connections sending at once in the throughput part. */
  concurrency: number;
  durationSeconds: number;
  /** Requests sent first in every measurement, untimed (JIT, plan cache, pool). */
  warmup: number;
}

/** One system on one query in one round. */
export interface RoundMeasurement {
  round: number;
  system: System;
  query: QueryName;
  latenciesMs: number[];
  requestsPerSecond: number;
  throughputRequests: number;
  non2xx: number;
  graphqlErrors: number;
  /** Bolt exchanges (client turns) per request, counted on the wire at concurrency 1. */
  exchangesPerRequest: number;
  /** Bolt messages the server sent per request, by type (RUN is one statement). */
  messagesPerRequest: Record<string, number>;
  /** Bytes Neo4j sent the server per request (its answers on the wire), at concurrency 1. */
  boltBytesInPerRequest: number;
  cpuMsPerRequest: number;
  /**
   * CPU of Neo4j's process per request over the same seconds: the server under test and Neo4j
   * share the machine's cores, so a statement that costs Neo4j more takes cores from both.
   */
  neo4jCpuMsPerRequest: number;
  peakRssMb: number;
}

interface Tally {
  non2xx: number;
  graphqlErrors: number;
}

async function timed(server: BenchServer, request: Request, tally: Tally): Promise<void> {
  const result = await graphql(server.port, request);
  if (result.status < 200 || result.status >= 300) tally.non2xx += 1;
  else if (result.errors) tally.graphqlErrors += 1;
}

/** Keeps `concurrency` requests in flight while `going()` holds; `send` gets each request's number, counting from 0. */
export async function keepInFlight(concurrency: number, going: () => boolean, send: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (going()) await send(next++);
    }),
  );
  return next;
}

/**
 * Watches a process's RSS from now on, read from /proc every `everyMs`: `stop()` ends the watch
 * and gives the largest RSS seen, in bytes, a last reading included.
 */
export function watchPeakRss(pid: number, everyMs: number): { stop: () => number } {
  let peak = processUsage(pid).rssBytes;
  const sampler = setInterval(() => {
    peak = Math.max(peak, processUsage(pid).rssBytes);
  }, everyMs);
  return {
    stop: () => {
      clearInterval(sampler);
      return Math.max(peak, processUsage(pid).rssBytes);
    },
  };
}

/** `concurrency` requests in flight for `seconds`: how many were sent, over how many seconds they took. */
export async function throughput(
  concurrency: number,
  seconds: number,
  send: (index: number) => Promise<void>,
): Promise<{ requests: number; seconds: number }> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const requests = await keepInFlight(concurrency, () => performance.now() < deadline, send);
  return { requests, seconds: (performance.now() - started) / 1000 };
}

/**
 * Requests at a fixed rate for `seconds`, whatever the server's speed (an open loop): request i
 * goes out at i / rate seconds, unless `maxInFlight` are still unanswered, when it waits. Two
 * servers sent the same rate do the same work per second, so what each holds in memory can be
 * compared without the faster one being charged for serving more. `late` counts the requests
 * that went out more than 100 ms after their time: a server with many could not keep up.
 */
export async function paced(
  rate: number,
  seconds: number,
  maxInFlight: number,
  send: (index: number) => Promise<void>,
): Promise<{ requests: number; seconds: number; late: number }> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const dueAt = (index: number) => started + (index * 1000) / rate;
  const running = new Set<Promise<void>>();
  let sent = 0;
  let late = 0;
  while (performance.now() < deadline) {
    while (dueAt(sent) <= performance.now() && running.size < maxInFlight) {
      if (performance.now() - dueAt(sent) > 100) late += 1;
      const request: Promise<void> = send(sent++).finally(() => running.delete(request));
      running.add(request);
    }
    if (running.size >= maxInFlight) await Promise.race(running);
    else await new Promise((resolve) => setTimeout(resolve, Math.max(1, dueAt(sent) - performance.now())));
  }
  await Promise.all(running);
  return { requests: sent, seconds: (performance.now() - started) / 1000, late };
}

/** `count` requests one after another: the milliseconds each took. */
export async function oneAfterAnother(count: number, send: (index: number) => Promise<unknown>): Promise<number[]> {
  const latenciesMs: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await send(i);
    latenciesMs.push(performance.now() - started);
  }
  return latenciesMs;
}

/** One round of a timing run: untimed (warm) or timed, and the order its systems measure in. */
export interface ScheduledRound<S> {
  warm: boolean;
  /** 1, 2, … among the warm rounds or among the timed ones. */
  round: number;
  order: S[];
}

/**
 * The rounds of a timing run as they run: `warmRounds` untimed ones, then `rounds` timed ones.
 * Who measures first rotates over the whole sequence (A, B, C; then B, C, A; …), so with as
 * many timed rounds as systems each system opens one timed round, whatever the warm rounds.
 */
export function roundSchedule<S>(systems: readonly S[], warmRounds: number, rounds: number): ScheduledRound<S>[] {
  const rotated = (by: number) => [...systems.slice(by % systems.length), ...systems.slice(0, by % systems.length)];
  return Array.from({ length: warmRounds + rounds }, (_, index) => ({
    warm: index < warmRounds,
    round: index < warmRounds ? index + 1 : index - warmRounds + 1,
    order: rotated(index),
  }));
}

/**
 * One measurement: warm-up, then `samples` requests at concurrency 1 (latency, and the Bolt
 * traffic they cause, read from the server's wire counters), then `concurrency` connections
 * for `durationSeconds` (req/s, and the server process's CPU time and peak RSS from /proc).
 */
export async function measure(
  server: BenchServer,
  query: QueryName,
  requests: Request[],
  settings: TimingSettings,
  round: number,
  neo4jPid: number,
): Promise<RoundMeasurement> {
  if (requests.length === 0) throw new Error(`no requests for ${query} on ${server.system}`);
  const tally: Tally = { non2xx: 0, graphqlErrors: 0 };
  const at = (i: number) => requests[i % requests.length] ?? requests[0]!;
  for (let i = 0; i < settings.warmup; i++) await timed(server, at(i), tally);
  await resetStats(server);
  const latenciesMs = await oneAfterAnother(settings.samples, (i) => timed(server, at(i), tally));
  const traffic = await stats(server);
  const served = Math.max(1, traffic.requests);
  // Every query of the mix reads the database: no exchange means the wire is not watched.
  if (traffic.wire.exchanges === 0) throw new Error(`${server.system} ${query}: no Bolt exchange counted (servers/bolt-wire.ts)`);

  const before = processUsage(server.pid);
  const neo4jBefore = processUsage(neo4jPid);
  const peakRss = watchPeakRss(server.pid, 250);
  const { requests: done, seconds: elapsed } = await throughput(settings.concurrency, settings.durationSeconds, async (i) => {
    await timed(server, at(i), tally);
  });
  const peakRssBytes = peakRss.stop();
  const after = processUsage(server.pid);
  const neo4jAfter = processUsage(neo4jPid);
  return {
    round,
    system: server.system,
    query,
    latenciesMs,
    requestsPerSecond: done / elapsed,
    throughputRequests: done,
    non2xx: tally.non2xx,
    graphqlErrors: tally.graphqlErrors,
    exchangesPerRequest: traffic.wire.exchanges / served,
    messagesPerRequest: Object.fromEntries(Object.entries(traffic.wire.messages).map(([type, count]) => [type, count / served])),
    boltBytesInPerRequest: traffic.wire.bytesIn / served,
    cpuMsPerRequest: (after.cpuMs - before.cpuMs) / Math.max(1, done),
    neo4jCpuMsPerRequest: (neo4jAfter.cpuMs - neo4jBefore.cpuMs) / Math.max(1, done),
    peakRssMb: peakRssBytes / 2 ** 20,
  };
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const sorted = values.filter(Number.isFinite).sort((x, y) => x - y);
  if (sorted.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN };
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

/** The nearest-rank percentile of values (in any order). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** One system on one query over all rounds: medians with their spread; latency percentiles from every sample pooled. */
export interface Measurement {
  system: System;
  query: QueryName;
  rounds: number;
  requestsPerSecond: Spread;
  p50Ms: number;
  p99Ms: number;
  /** How many latency samples p50 and p99 come from (rounds × samples). */
  latencySamples: number;
  cpuMsPerRequest: Spread;
  /** Absent from reports written before it was measured. */
  neo4jCpuMsPerRequest?: Spread;
  peakRssMb: Spread;
  exchangesPerRequest: Spread;
  /** RUN messages per request: Cypher statements. */
  statementsPerRequest: Spread;
  /** Bytes Neo4j sent per request: what the server's driver has to decode. */
  boltBytesInPerRequest: Spread;
  /** Every Bolt message type per request, median over rounds. */
  messagesPerRequest: Record<string, number>;
  requests: number;
  non2xx: number;
  graphqlErrors: number;
  perRound: { round: number; requestsPerSecond: number; p50Ms: number; p99Ms: number; cpuMsPerRequest: number; peakRssMb: number }[];
}

export function aggregate(rounds: RoundMeasurement[]): Measurement {
  const first = rounds[0];
  if (!first) throw new Error('no rounds to aggregate');
  const pooled = rounds.flatMap((round) => round.latenciesMs);
  const types = [...new Set(rounds.flatMap((round) => Object.keys(round.messagesPerRequest)))].sort();
  return {
    system: first.system,
    query: first.query,
    rounds: rounds.length,
    requestsPerSecond: spread(rounds.map((round) => round.requestsPerSecond)),
    p50Ms: percentile(pooled, 50),
    p99Ms: percentile(pooled, 99),
    latencySamples: pooled.length,
    cpuMsPerRequest: spread(rounds.map((round) => round.cpuMsPerRequest)),
    neo4jCpuMsPerRequest: spread(rounds.map((round) => round.neo4jCpuMsPerRequest)),
    peakRssMb: spread(rounds.map((round) => round.peakRssMb)),
    exchangesPerRequest: spread(rounds.map((round) => round.exchangesPerRequest)),
    statementsPerRequest: spread(rounds.map((round) => round.messagesPerRequest.RUN ?? 0)),
    boltBytesInPerRequest: spread(rounds.map((round) => round.boltBytesInPerRequest)),
    messagesPerRequest: Object.fromEntries(
      types.map((type) => [type, spread(rounds.map((round) => round.messagesPerRequest[type] ?? 0)).median]),
    ),
    requests: rounds.reduce((sum, round) => sum + round.latenciesMs.length + round.throughputRequests, 0),
    non2xx: rounds.reduce((sum, round) => sum + round.non2xx, 0),
    graphqlErrors: rounds.reduce((sum, round) => sum + round.graphqlErrors, 0),
    perRound: rounds.map((round) => ({
      round: round.round,
      requestsPerSecond: round.requestsPerSecond,
      p50Ms: percentile(round.latenciesMs, 50),
      p99Ms: percentile(round.latenciesMs, 99),
      cpuMsPerRequest: round.cpuMsPerRequest,
      peakRssMb: round.peakRssMb,
    })),
  };
}
