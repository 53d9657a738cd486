/**
 * @module
 * The markdown and JSON reports: the numbers, the ratios, and whether each target holds.
 */
import type { CoreRow } from './core-bench'
import type { HttpRow } from './http-bench'
import type { MemoryRow } from './memory-bench'

export interface Report {
  readonly machine: string
  readonly date: string
  readonly smoke: boolean
  readonly core: readonly CoreRow[]
  readonly http: readonly HttpRow[]
  readonly memory: readonly MemoryRow[]
}

const int = (n: number) => Math.round(n).toLocaleString('en-US')
const ok = (pass: boolean) => (pass ? 'met' : '**missed**')

export function targets(report: Report) {
  const largest = [...report.core].sort((a, b) => b.bytes - a.bytes)[0]
  // Heap is what the kit keeps alive; RSS also holds what V8's allocator has not returned yet.
  const growth = (report.memory.at(-1)?.heapMb ?? 0) - (report.memory[0]?.heapMb ?? 0)
  const rssGrowth = (report.memory.at(-1)?.rssMb ?? 0) - (report.memory[0]?.rssMb ?? 0)
  return {
    http: report.http.map((row) => ({
      name: `${row.framework} ${row.kind}`,
      value: row.kitOverBare,
      pass: row.kitOverBare >= 0.9,
    })),
    core: {
      name: largest?.type ?? '-',
      value: largest?.kitOverJsonParse ?? 0,
      pass: (largest?.kitOverJsonParse ?? 99) <= 3,
    },
    memory: { value: growth, rss: rssGrowth, pass: growth < 50 },
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
    '**HTTP** (autocannon over loopback, medians of alternating A/B rounds):',
    '',
    '| framework | delivery | bare req/s | kit req/s | kit / bare | bare p50/p99 ms | kit p50/p99 ms |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...report.http.map(
      (r) =>
        `| ${r.framework} | ${r.kind} | ${int(r.bare.requestsPerSecond)} | ${int(r.kit.requestsPerSecond)} | ${r.kitOverBare.toFixed(2)} | ${r.bare.p50}/${r.bare.p99} | ${r.kit.p50}/${r.kit.p99} |`,
    ),
    '',
    '**Memory** (distinct deliveries through `handle()`, after GC):',
    '',
    '| deliveries | RSS MB | heap MB |',
    '|---:|---:|---:|',
    ...report.memory.map((r) => `| ${int(r.deliveries)} | ${r.rssMb} | ${r.heapMb} |`),
    '',
    '**Targets:**',
    ...t.http.map((h) => `- HTTP ${h.name}: ${h.value.toFixed(2)}× bare (≥ 0.9): ${ok(h.pass)}`),
    `- core, largest fixture (${t.core.name}): ${t.core.value.toFixed(2)}× JSON.parse (≤ 3): ${ok(t.core.pass)}`,
    `- memory growth 1k → 100k: heap ${t.memory.value.toFixed(1)} MB (< 50): ${ok(t.memory.pass)}; ` +
      `RSS ${t.memory.rss.toFixed(1)} MB (allocator retention, varies run to run)`,
  ]
  return `${lines.join('\n')}\n`
}
