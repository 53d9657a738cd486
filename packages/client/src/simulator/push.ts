/**
 * @module
 * AIRudder's delivery contract for one push: POST the body, wait at most the answer window, and on
 * anything but a 2xx answer retry after the retry interval, at most `retries` times, then drop it
 * for good. A semaphore bounds the requests in flight (retries wait without holding a slot).
 */

export interface PushContract {
  /** How long AIRudder waits for an answer. Documented: 10 s. */
  readonly answerWindowMs: number
  /** Between attempts. Documented: 1 minute. */
  readonly retryIntervalMs: number
  /** Retries after the first attempt. Documented: 5. */
  readonly retries: number
}

/** One attempt's outcome: the HTTP status, `timeout` (no answer in the window) or `refused` (no connection). */
export type AttemptOutcome = number | 'timeout' | 'refused'

export interface DeliveryRecord {
  readonly taskId: string
  readonly callId: string
  readonly attempts: readonly AttemptOutcome[]
  readonly outcome: 'delivered' | 'dropped'
}

export interface Semaphore {
  run<T>(work: () => Promise<T>): Promise<T>
}

export function semaphore(limit: number): Semaphore {
  let active = 0
  const waiting: (() => void)[] = []
  return {
    async run(work) {
      if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
      active++
      try {
        return await work()
      } finally {
        active--
        waiting.shift()?.()
      }
    },
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function attempt(url: string, body: string, answerWindowMs: number): Promise<AttemptOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Airudder' },
      body,
      signal: AbortSignal.timeout(answerWindowMs),
    })
    await response.arrayBuffer().catch(() => undefined)
    return response.status
  } catch (error) {
    return error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'refused'
  }
}

const ok = (outcome: AttemptOutcome) => typeof outcome === 'number' && outcome >= 200 && outcome < 300

/** Pushes one body under the contract; resolves once it is delivered or dropped. */
export async function push(
  target: { readonly url: string; readonly taskId: string; readonly callId: string; readonly body: string },
  contract: PushContract,
  slots: Semaphore,
): Promise<DeliveryRecord> {
  const attempts: AttemptOutcome[] = []
  for (;;) {
    const outcome = await slots.run(() => attempt(target.url, target.body, contract.answerWindowMs))
    attempts.push(outcome)
    if (ok(outcome)) return { taskId: target.taskId, callId: target.callId, attempts, outcome: 'delivered' }
    if (attempts.length > contract.retries) {
      return { taskId: target.taskId, callId: target.callId, attempts, outcome: 'dropped' }
    }
    await sleep(contract.retryIntervalMs)
  }
}
