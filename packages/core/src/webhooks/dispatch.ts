/**
 * @module
 * Runs every handler of one event concurrently. One handler's failure never hides another's
 * result: all of them settle and every failure is reported. When the deadline passes first, the
 * handlers keep running and the caller gets a promise for their outcome.
 */
import type { Handler } from './listeners'

export type DispatchResult =
  | { readonly kind: 'settled'; readonly failures: readonly unknown[] }
  | { readonly kind: 'deadline'; readonly settled: Promise<readonly unknown[]> }

/** A handler's return value that may still be running: a promise or any other thenable candidate. */
const mayBePending = (value: unknown) =>
  value !== null && (typeof value === 'object' || typeof value === 'function')

/**
 * Every handler is started in order, as before. When all of them returned a plain value or threw,
 * the outcome is known at once: no deadline timer is armed (it could not have fired first) and no
 * promise is built. Otherwise the outcomes are awaited against the deadline.
 */
export function dispatch<E, C>(
  handlers: readonly Handler<E, C>[],
  event: E,
  context: C,
  deadlineMs: number,
): DispatchResult | Promise<DispatchResult> {
  const outcomes: unknown[] = []
  const failures: unknown[] = []
  let pending = false
  for (const handler of handlers) {
    try {
      const value = handler(event, context)
      if (mayBePending(value)) pending = true
      outcomes.push(value)
    } catch (thrown) {
      // Kept in place, so failures stay in handler order when others are still pending.
      outcomes.push(new Threw(thrown))
      failures.push(thrown)
    }
  }
  return pending ? race(outcomes, deadlineMs) : { kind: 'settled', failures }
}

/** A handler that threw synchronously (private: no handler can return one). */
class Threw {
  constructor(readonly reason: unknown) {}
}

async function race(outcomes: readonly unknown[], deadlineMs: number): Promise<DispatchResult> {
  const running = outcomes.map((outcome) =>
    outcome instanceof Threw ? Promise.reject(outcome.reason) : outcome,
  )
  const settled = Promise.allSettled(running).then((results) =>
    results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : [])),
  )
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(resolve, deadlineMs, 'deadline')
  })
  try {
    const first = await Promise.race([settled, deadline])
    return first === 'deadline' ? { kind: 'deadline', settled } : { kind: 'settled', failures: first }
  } finally {
    clearTimeout(timer)
  }
}
