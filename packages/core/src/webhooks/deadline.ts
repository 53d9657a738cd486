/**
 * @module
 * A time limit on a store's promise: what it resolves to, or an `Error` when it rejects or has not
 * settled after `ms` (it keeps running; its outcome is then ignored). Never rejects.
 */
import { messageOf } from './runtime'

export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | Error> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<Error>((resolve) => {
    timer = setTimeout(() => resolve(new Error(`no answer within ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([
      work.catch((thrown: unknown) => (thrown instanceof Error ? thrown : new Error(messageOf(thrown)))),
      late,
    ])
  } finally {
    clearTimeout(timer)
  }
}
