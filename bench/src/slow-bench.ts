/**
 * @module
 * Slow handlers: with handlers that take `delayMs`, the ack (HTTP response) latency under load
 * when they run inline (the ack waits for them; AIRudder gives up after 10 s) and with the SQLite
 * inbox (stored, answered at once, processed after). Distinct signed deliveries over loopback
 * with autocannon; then the processor drains for a bounded time and the inbox is counted.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startServer } from '@airudder-webhooks/conformance'
import autocannon from 'autocannon'
import { callCompletedSeries } from './deliveries'

export interface SlowOptions {
  /** How long each handler awaits. */
  readonly delayMs: number
  /** Handlers the inbox's processor runs at once. */
  readonly concurrency: number
  readonly seconds: number
  readonly connections: number
  /** How long the processor may drain after the load before the backlog is counted. */
  readonly drainMs: number
}

export interface SlowRun {
  readonly requestsPerSecond: number
  readonly p50: number
  readonly p99: number
  readonly max: number
  /** Requests answered 2xx (acknowledged). */
  readonly acked: number
  /** Other answers, errors and timeouts (AIRudder's deadline: 10 s). */
  readonly failed: number
}

export interface InboxCounts {
  readonly pending: number
  readonly processing: number
  readonly done: number
  readonly dead: number
}

export interface SlowResult extends SlowOptions {
  readonly inline: SlowRun
  readonly inbox: SlowRun
  /** The inbox after the load and the drain. */
  readonly counts: InboxCounts
  /** Entries the inbox holds: every delivery it acknowledged (warm-up included). */
  readonly stored: number
  /** How long the drain took, or `null` if a backlog was left after `drainMs`. */
  readonly drainedMs: number | null
}

const benchDir = fileURLToPath(new URL('..', import.meta.url))
const tsxCli = createRequire(new URL('../package.json', import.meta.url)).resolve('tsx/cli')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const delivery = callCompletedSeries()
/** Numbers every delivery of the process: a duplicate would be answered without being stored. */
let sent = 0

async function drive(url: string, load: { seconds: number } | { amount: number }, connections: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    timeout: 10,
    ...('seconds' in load ? { duration: load.seconds } : { amount: load.amount }),
    requests: [{ setupRequest: (request) => ({ ...request, method: 'POST', ...delivery(sent++) }) }],
  })
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    acked: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
  }
}

export async function slowBench(options: SlowOptions): Promise<SlowResult> {
  const dir = mkdtempSync(join(tmpdir(), 'airudder-slow-'))
  const server = await startServer({
    cwd: benchDir,
    command: 'node',
    args: [tsxCli, 'src/servers/slow.ts'],
    env: {
      SLOW_INBOX: join(dir, 'inbox.db'),
      SLOW_DELAY_MS: String(options.delayMs),
      SLOW_CONCURRENCY: String(options.concurrency),
    },
    readyPath: '/stats',
  })
  const counts = async () => (await (await fetch(`${server.url}/stats`)).json()) as InboxCounts
  try {
    // Inline first, while no inbox backlog shares the process.
    const inline = await drive(`${server.url}/inline`, options, options.connections)
    const warm = await drive(`${server.url}/inbox`, { amount: 200 }, options.connections)
    const inbox = await drive(`${server.url}/inbox`, options, options.connections)
    const start = Date.now()
    let last = await counts()
    while (last.pending + last.processing > 0 && Date.now() - start < options.drainMs) {
      await sleep(100)
      last = await counts()
    }
    const drainedMs = last.pending + last.processing === 0 ? Date.now() - start : null
    const stored = last.pending + last.processing + last.done + last.dead
    if (stored < warm.acked + inbox.acked) {
      throw new Error(
        `@airudder-webhooks/bench: ${warm.acked + inbox.acked} deliveries acknowledged but only ${stored} stored in the inbox`,
      )
    }
    return { ...options, inline, inbox, counts: last, stored, drainedMs }
  } finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
