/**
 * @module
 * The one place the sync fast path lives. The built-in verifiers, the memory idempotency store
 * and plain handlers answer synchronously; awaiting their answers anyway would cost every delivery
 * a few turns of the microtask queue (the core benchmark measures it). So a step that may wait
 * returns `MaybePromise`, and the next one runs through `andThen()`: at once for a value, after it
 * for a promise. It imports nothing, so every layer may use it. (Not named `then`: a module that
 * exports `then` is itself a thenable, and `await import()` of it would misbehave.)
 *
 * ```ts
 * return andThen(store.reserve(id), (reservation) => (reservation === 'done' ? DUPLICATE : run()))
 * ```
 */

/** A value now, or later. */
export type MaybePromise<T> = T | Promise<T>

/** True for a promise or any other thenable (a user's verifier may return either). */
export function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}

/**
 * `next(value)`, at once when `value` is ready, else once it settles. `failed` (optional) turns a
 * rejection into a value; without it the rejection passes on.
 */
export function andThen<T, R>(
  value: T | PromiseLike<T>,
  next: (value: T) => MaybePromise<R>,
  failed?: (reason: unknown) => MaybePromise<R>,
): MaybePromise<R> {
  return isPromiseLike(value) ? Promise.resolve(value).then(next, failed) : next(value)
}
