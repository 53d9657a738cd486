/**
 * @module
 * Memory: RSS and V8's heap after 1k and after 100k deliveries of distinct events through
 * `handle()` with the default (bounded) duplicate store, in its own process with `--expose-gc`.
 * Each checkpoint collects until V8's committed heap stops shrinking: right after a burst one full
 * GC frees the objects but V8 gives the emptied pages back only at the next, so a single `gc()`
 * measured tens of MB of pages being returned, not memory anyone keeps.
 */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createWebhooks } from '@airudder-webhooks/core'
import { callCompletedSeries } from './deliveries'
import { KEY } from './kit'

export interface MemoryRow {
  readonly deliveries: number
  readonly rssMb: number
  /** Live objects on V8's heap after GC. */
  readonly heapMb: number
  /** V8's heap as committed (live objects plus pages V8 keeps for later). */
  readonly heapTotalMb: number
  readonly externalMb: number
  readonly arrayBuffersMb: number
}

const gc = (globalThis as { gc?: () => void }).gc
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10
const benchDir = fileURLToPath(new URL('..', import.meta.url))

/** Full GCs until the committed heap stops shrinking: at least two, at most five. */
function settle(collect: () => void) {
  collect()
  for (let i = 0; i < 4; i++) {
    const committed = process.memoryUsage().heapTotal
    collect()
    if (process.memoryUsage().heapTotal >= committed) return
  }
}

export async function memoryBench(checkpoints: readonly number[]): Promise<MemoryRow[]> {
  if (!gc) throw new Error('run the memory benchmark with node --expose-gc')
  const webhooks = createWebhooks({ key: KEY, logger: false })
  webhooks.onAny(() => undefined)
  const delivery = callCompletedSeries()
  const rows: MemoryRow[] = []
  let sent = 0
  for (const checkpoint of checkpoints) {
    for (; sent < checkpoint; sent++) {
      const { body, headers } = delivery(sent)
      const response = await webhooks.handle(
        new Request('http://localhost/', { method: 'POST', body, headers }),
      )
      if (response.status !== 200) throw new Error(`delivery ${sent} answered ${response.status}`)
    }
    settle(gc)
    const usage = process.memoryUsage()
    rows.push({
      deliveries: sent,
      rssMb: mb(usage.rss),
      heapMb: mb(usage.heapUsed),
      heapTotalMb: mb(usage.heapTotal),
      externalMb: mb(usage.external),
      arrayBuffersMb: mb(usage.arrayBuffers),
    })
  }
  return rows
}

/** Runs the benchmark in a fresh process, so the other benchmarks' memory cannot skew it. */
export function memoryChild(checkpoints: readonly number[]): MemoryRow[] {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'src/memory-bench.ts', '--child', ...checkpoints.map(String)],
    { cwd: benchDir, encoding: 'utf8', maxBuffer: 1 << 20 },
  )
  return JSON.parse(out.trim().split('\n').at(-1) ?? '[]')
}

if (process.argv.includes('--child')) {
  const checkpoints = process.argv.slice(process.argv.indexOf('--child') + 1).map(Number)
  console.log(JSON.stringify(await memoryBench(checkpoints)))
}
