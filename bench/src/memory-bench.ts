/**
 * @module
 * Memory: RSS and heap after 1k and after 100k deliveries of distinct events through `handle()`
 * with the default (bounded) duplicate store. Run in its own process with `--expose-gc`.
 */
import { createWebhooks } from '@airudder-webhooks/core'
import { callCompleted } from './deliveries'
import { KEY } from './kit'

export interface MemoryRow {
  readonly deliveries: number
  readonly rssMb: number
  readonly heapMb: number
}

const gc = (globalThis as { gc?: () => void }).gc
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

export async function memoryBench(checkpoints: readonly number[]): Promise<MemoryRow[]> {
  if (!gc) throw new Error('run the memory benchmark with node --expose-gc')
  const webhooks = createWebhooks({ key: KEY, logger: false })
  webhooks.onAny(() => undefined)
  const template = callCompleted(0)
  const rows: MemoryRow[] = []
  let sent = 0
  for (const checkpoint of checkpoints) {
    for (; sent < checkpoint; sent++) {
      const body = template.body.replace('bench-call-0', `bench-call-${sent}`)
      const request = new Request('http://localhost/', { method: 'POST', body, headers: template.headers })
      const response = await webhooks.handle(request)
      if (response.status !== 200) throw new Error(`delivery ${sent} answered ${response.status}`)
    }
    gc()
    const usage = process.memoryUsage()
    rows.push({ deliveries: sent, rssMb: mb(usage.rss), heapMb: mb(usage.heapUsed) })
  }
  return rows
}

if (process.argv.includes('--child')) {
  const checkpoints = process.argv.slice(process.argv.indexOf('--child') + 1).map(Number)
  console.log(JSON.stringify(await memoryBench(checkpoints)))
}
