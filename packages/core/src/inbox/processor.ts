/**
 * @module
 * The inbox processor: leases due entries and runs their handlers with bounded concurrency,
 * retrying failures with exponential backoff and jitter until `maxAttempts`, then `dead`. It
 * starts with `createWebhooks({ inbox })` unless `processing.autoStart` is false, and wakes at
 * once when a delivery is stored (polling covers retries and other replicas' deliveries).
 *
 * ```ts
 * const webhooks = createWebhooks({ inbox, processing: { concurrency: 8, maxAttempts: 10 } })
 * process.on('SIGTERM', () => webhooks.close({ timeoutMs: 10_000 }).then(() => process.exit(0)))
 * ```
 */
import type { Definitions } from '../events/catalogue'
import type { Inbox, InboxEntry } from '../webhooks/inbox-contract'
import { errorText, type Runtime } from '../webhooks/runtime'
import { type RetryOptions, sleep } from './backoff'
import { processEntry } from './process-entry'

export interface ProcessingOptions {
  /** Entries handled at once by this process. Default 4. */
  readonly concurrency?: number | undefined
  /** Attempts before an entry is `dead`. Default 8. */
  readonly maxAttempts?: number | undefined
  readonly retry?: RetryOptions | undefined
  /** How long a claim lasts; an entry whose processor died is taken over after it. Default 5 min. */
  readonly leaseMs?: number | undefined
  /** How often to look for due entries when idle. Default 500 ms. */
  readonly pollMs?: number | undefined
  /** Start processing at once. Default true. */
  readonly autoStart?: boolean | undefined
}

export interface StopOptions {
  /**
   * How long entries in hand may take to finish; what is still running then is released at once
   * (`Inbox.release`) so another replica takes it without waiting for its lease. Default: no limit.
   */
  readonly timeoutMs?: number | undefined
}

export interface Processor {
  readonly running: boolean
  start(): void
  /** Stops claiming and waits for the entries in hand to settle (up to `timeoutMs`, then releases them). */
  stop(options?: StopOptions): Promise<void>
  /** Processes until nothing is due and nothing is in hand (tests, scripts, graceful shutdown). */
  drain(): Promise<void>
  /** A delivery was stored: look now instead of at the next poll. */
  notify(): void
}

export function createProcessor<D extends Definitions>(
  runtime: Runtime<D>,
  inbox: Inbox,
  options: ProcessingOptions = {},
): Processor {
  const concurrency = options.concurrency ?? 4
  const leaseMs = options.leaseMs ?? 5 * 60_000
  const pollMs = options.pollMs ?? 500
  const entryOptions = { maxAttempts: options.maxAttempts ?? 8, retry: options.retry ?? {} }
  /** The tasks in hand and the entry each runs. */
  const inHand = new Map<Promise<void>, InboxEntry>()
  const active = {
    get size() {
      return inHand.size
    },
    [Symbol.iterator]: () => inHand.keys(),
  }
  let running = false
  /** Entries whose outcome could not be stored; released as soon as the inbox answers again. */
  const unsettled: InboxEntry[] = []
  /** Claims awaiting the inbox: their entries are leased but not yet in `active`. */
  let claiming = 0
  let loop: Promise<void> | undefined
  let wake: (() => void) | undefined

  /** Claims what free slots allow and starts it; resolves to how many entries were claimed. */
  const fill = async (): Promise<number> => {
    if (unsettled.length > 0 && inbox.release) {
      const leases = unsettled.splice(0)
      await inbox.release(leases).catch((thrown: unknown) => {
        unsettled.push(...leases)
        throw thrown
      })
    }
    const free = concurrency - active.size
    if (free <= 0) return 0
    claiming++
    const entries = await inbox.claim(free, leaseMs).finally(() => claiming--)
    for (const entry of entries) {
      const task = processEntry(runtime, inbox, entry, entryOptions)
        .catch((thrown) => {
          runtime.logger?.error(
            { id: entry.id, type: entry.type, error: errorText(thrown) },
            '@airudder-webhooks/core: inbox processing failed',
          )
          // The store failed while settling (database gone): give the entry back once it returns,
          // rather than leave it to its lease (minutes).
          if (inbox.release) unsettled.push(entry)
        })
        .finally(() => {
          inHand.delete(task)
          wake?.()
        })
      inHand.set(task, entry)
    }
    return entries.length
  }

  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })

  const run = async () => {
    while (running) {
      try {
        if ((await fill()) === 0 || active.size >= concurrency) await idle()
      } catch (thrown) {
        runtime.logger?.error(
          { error: errorText(thrown) },
          '@airudder-webhooks/core: could not claim inbox entries',
        )
        await sleep(pollMs)
      }
    }
  }

  return {
    get running() {
      return running
    },
    start() {
      if (running) return
      running = true
      loop = run()
    },
    async stop(stopOptions = {}) {
      running = false
      wake?.()
      await loop
      const settled = Promise.allSettled([...active]).then(() => true)
      const { timeoutMs } = stopOptions
      if (timeoutMs === undefined || (await Promise.race([settled, sleep(timeoutMs).then(() => false)])))
        return
      const left = [...inHand.values()]
      if (left.length > 0 && inbox.release) await inbox.release(left)
    },
    async drain() {
      // Claims alongside the loop if it runs: claims are atomic, and every task in hand is in `active`
      // once its claim returns, so a claim still in progress means there may be work to wait for.
      for (;;) {
        const claimed = await fill()
        if (claimed === 0 && active.size === 0 && claiming === 0) return
        if (active.size > 0) await Promise.race(active)
        else await sleep(5)
      }
    },
    notify() {
      wake?.()
    },
  }
}
