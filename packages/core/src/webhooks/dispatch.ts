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

export async function dispatch<E, C>(
  handlers: readonly Handler<E, C>[],
  event: E,
  context: C,
  deadlineMs: number,
): Promise<DispatchResult> {
  const settled = Promise.allSettled(handlers.map(async (handler) => handler(event, context))).then(
    (results) => results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : [])),
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
