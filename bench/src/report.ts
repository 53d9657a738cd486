/**
 * @module
 * The markdown and JSON reports: the numbers, the ratios, and whether each target holds.
 */
import type { CoreRow } from './core-bench'
import type { HttpRow } from './http-bench'
import { httpMarkdown, httpTargets } from './http-report'
import type { MemoryRow } from './memory-bench'
import type { SlowResult } from './slow-bench'

export interface Report {
  readonly machine: string
  readonly date: string
  readonly smoke: boolean
  /** How long the measuring took, in minutes (`pnpm bench` builds the packages first, about half a minute more). */
  readonly minutes: number
  readonly core: readonly CoreRow[]
  readonly http: readonly HttpRow[]
  readonly slow: SlowResult
  readonly memory: readonly MemoryRow[]
}

const int = (n: number) => Math.round(n).toLocaleString('en-US')
const mb = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)}`
const ok = (pass: boolean) => (pass ? 'met' : '**missed**')

export function targets(report: Report) {
  const largest = [...report.core].sort((a, b) => b.bytes - a.bytes)[0]
  // Heap used is what the kit keeps alive; RSS adds what V8 and malloc keep for later. Both count.
  const growth = (rows: readonly MemoryRow[], key: Exclude<keyof MemoryRow, 'deliveries'>) =>
    (rows.at(-1)?.[key] ?? 0) - (rows[0]?.[key] ?? 0)
  return {
    http: httpTargets(report.http),
    core: {
      name: largest?.type ?? '-',
      value: largest?.kitOverJsonParse ?? 0,
      pass: (largest?.kitOverJsonParse ?? 99) <= 3,
    },
    memory: {
      value: growth(report.memory, 'heapMb'),
      rss: growth(report.memory, 'rssMb'),
      pass: growth(report.memory, 'heapMb') < 50 && growth(report.memory, 'rssMb') < 50,
    },
    // 100 ms: 1% of AIRudder's 10 s deadline and a twentieth of the 2 s handler, so a pass shows the
    // ack never waits for a handler, with room for an fsync per delivery and a busy shared machine.
    slow: { value: report.slow.inbox.p99, inline: report.slow.inline.p99, pass: report.slow.inbox.p99 < 100 },
  }
}

export function markdown(report: Report): string {
  const t = targets(report)
  const lines = [
    `Measured ${report.date} on ${report.machine}${report.smoke ? ' (smoke run: numbers are not meaningful)' : ''}.`,
    '',
    '**Core** (ops/s; kit = decode, classify, verify, validate, id, dispatch):',
    '',
    '| fixture | bytes | JSON.parse | kit | hand-written zod | kit cost / JSON.parse |',
    '|---|---:|---:|---:|---:|---:|',
    ...report.core.map(
      (r) =>
        `| ${r.fixture} | ${r.bytes} | ${int(r.jsonParse)} | ${int(r.kit)} | ${r.handwrittenZod ? int(r.handwrittenZod) : '-'} | ${r.kitOverJsonParse.toFixed(2)}× |`,
    ),
    '',
    ...httpMarkdown(report.http),
    '',
    `**Slow handlers** (every handler awaits ${report.slow.delayMs} ms; autocannon, ${report.slow.connections} connections, ${report.slow.seconds} s each; the ack is the HTTP response):`,
    '',
    '| handlers run | req/s | ack p50 ms | ack p99 ms | ack max ms | acked | failed |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...(
      [
        ['inline, before the answer', report.slow.inline],
        [`from the SQLite inbox, ${report.slow.concurrency} at once`, report.slow.inbox],
      ] as const
    ).map(
      ([name, r]) =>
        `| ${name} | ${int(r.requestsPerSecond)} | ${r.p50} | ${r.p99} | ${r.max} | ${int(r.acked)} | ${r.failed} |`,
    ),
    '',
    slowBacklog(report.slow),
    '',
    '**Memory** (distinct deliveries through `handle()`, after GC; heap used = live objects, heap total = committed):',
    '',
    '| deliveries | RSS MB | heap total MB | heap used MB | external MB | array buffers MB |',
    '|---:|---:|---:|---:|---:|---:|',
    ...report.memory.map(
      (r) =>
        `| ${int(r.deliveries)} | ${r.rssMb} | ${r.heapTotalMb} | ${r.heapMb} | ${r.externalMb} | ${r.arrayBuffersMb} |`,
    ),
    '',
    '**Targets:**',
    ...t.http.map((h) => `- HTTP ${h.name}: ${ok(h.pass)}`),
    `- core, largest fixture (${t.core.name}): ${t.core.value.toFixed(2)}× JSON.parse (≤ 3): ${ok(t.core.pass)}`,
    `- ack p99 with a ${report.slow.delayMs} ms handler and the SQLite inbox: ${t.slow.value} ms (< 100): ${ok(t.slow.pass)}; ` +
      `inline: ${t.slow.inline} ms (AIRudder gives up at 10,000)`,
    `- memory growth ${int(report.memory[0]?.deliveries ?? 0)} → ${int(report.memory.at(-1)?.deliveries ?? 0)} deliveries: ` +
      `RSS ${mb(t.memory.rss)} MB, heap used ${mb(t.memory.value)} MB (both < 50): ${ok(t.memory.pass)}`,
    `- this run: ${report.minutes} minutes (< 10; \`pnpm bench\` builds the packages first, about half a minute more): ${ok(report.minutes < 10)}`,
  ]
  return `${lines.join('\n')}\n`
}

function slowBacklog(slow: SlowResult): string {
  const { pending, processing, done, dead } = slow.counts
  const drained =
    slow.drainedMs === null
      ? `after ${slow.drainMs / 1000} s of draining`
      : `drained ${slow.drainedMs / 1000} s after the load`
  const ceiling = (slow.concurrency * 1000) / slow.delayMs
  return (
    `The inbox ${drained}: ${int(slow.stored)} stored, ${int(done)} done, ${int(processing)} processing, ` +
    `${int(pending)} pending, ${int(dead)} dead (the processor's ceiling is ${slow.concurrency} / ${slow.delayMs} ms ` +
    `= ${int(ceiling)} handlers/s; above it the backlog grows, acknowledged and durable).`
  )
}
