/**
 * @module
 * AIRudder's side of a fault test: deliveries posted with bounded concurrency, each retried until
 * it is answered `200` (AIRudder retries every minute; here every `retryMs`), every answer kept
 * with when it came and how long it took, so a test can say what was answered during a fault.
 */
import { createSender, KEY, numberedDelivery, sleep } from '@airudder-webhooks/conformance'

export interface Answer {
  readonly at: number
  readonly ms: number
  /** The HTTP status, or the client error (`ECONNREFUSED`, `socket hang up`, a timeout). */
  readonly status: number | string
}

export interface Tracked {
  readonly id: string
  readonly answers: Answer[]
  acknowledgedAt: number | undefined
}

export interface Traffic {
  readonly tracked: readonly Tracked[]
  /** Resolves once every delivery was answered 200 (or `stop()` was called). */
  readonly done: Promise<void>
  stop(): void
}

export { KEY }

export function sendTraffic(options: {
  readonly url: () => string
  readonly count: number
  readonly prefix: string
  readonly inFlight?: number
  readonly retryMs?: number
}): Traffic {
  const sender = createSender(options.inFlight ?? 8)
  const deliveries = Array.from({ length: options.count }, (_, n) => numberedDelivery(n, options.prefix))
  const tracked: Tracked[] = deliveries.map(({ id }) => ({ id, answers: [], acknowledgedAt: undefined }))
  let stopped = false
  let next = 0
  const worker = async () => {
    while (!stopped && next < deliveries.length) {
      const n = next++
      const delivery = deliveries[n]
      const track = tracked[n]
      if (!delivery || !track) return
      for (;;) {
        const started = Date.now()
        const result = await sender.post(options.url(), delivery.body)
        const status = 'status' in result ? result.status : result.error
        track.answers.push({ at: Date.now(), ms: Date.now() - started, status })
        if (status === 200) {
          track.acknowledgedAt = Date.now()
          break
        }
        if (stopped) return
        await sleep(options.retryMs ?? 250)
      }
    }
  }
  const done = Promise.all(Array.from({ length: options.inFlight ?? 8 }, worker)).then(() => sender.close())
  return {
    tracked,
    done,
    stop: () => {
      stopped = true
    },
  }
}

/** Answers to the requests sent in `[from, to)`, counted by status, with the slowest. */
export function answersBetween(tracked: readonly Tracked[], from: number, to: number) {
  const answers = tracked.flatMap((t) => t.answers).filter((a) => a.at - a.ms >= from && a.at - a.ms < to)
  const byStatus: Record<string, number> = {}
  for (const answer of answers) byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1
  return { count: answers.length, byStatus, slowestMs: Math.max(0, ...answers.map((a) => a.ms)) }
}

/** The first answer `200` at or after `from` (when the receiver stored again). */
export function firstAcknowledgedAfter(tracked: readonly Tracked[], from: number): number | undefined {
  const times = tracked.flatMap((t) => t.answers).filter((a) => a.status === 200 && a.at >= from)
  return times.length === 0 ? undefined : Math.min(...times.map((a) => a.at))
}
