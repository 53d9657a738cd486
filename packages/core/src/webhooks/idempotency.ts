/**
 * @module
 * Duplicate detection. AIRudder retries a failed delivery up to 5 times; an event whose handlers
 * all succeeded is answered `200` on a retry without running them again. The store is an
 * interface so durable stores can replace the default in-memory one, which is bounded (the
 * oldest finished ids are forgotten first) and lost on restart.
 *
 * ```ts
 * createWebhooks({ idempotency: createMemoryIdempotencyStore({ maxEntries: 50_000 }) })
 * ```
 */

/** `new`: the caller now holds the id; `done`: already handled; `in-flight`: being handled right now. */
export type ReserveResult = 'new' | 'done' | 'in-flight'

/**
 * Its verbs are its own on purpose: an inbox `claim`s, `complete`s and `fail`s leased entries; this
 * store only reserves an id while handlers run, then marks it done or releases it.
 */
export interface IdempotencyStore {
  /** Reserves an id before its handlers run. */
  reserve(id: string): ReserveResult | Promise<ReserveResult>
  /** Every handler succeeded: later deliveries of the id are duplicates. */
  markDone(id: string): void | Promise<void>
  /** A handler failed: drop the reservation so AIRudder's retry runs the handlers again. */
  release(id: string): void | Promise<void>
}

export interface MemoryIdempotencyOptions {
  /** How many finished ids to remember. Default 10,000 (a few MB at most). */
  readonly maxEntries?: number
}

export function createMemoryIdempotencyStore(options: MemoryIdempotencyOptions = {}): IdempotencyStore {
  const maxEntries = options.maxEntries ?? 10_000
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError('@airudder-webhooks/core: maxEntries must be a positive integer')
  }
  const done = new Set<string>()
  const inFlight = new Set<string>()
  return {
    reserve(id) {
      if (done.has(id)) return 'done'
      if (inFlight.has(id)) return 'in-flight'
      inFlight.add(id)
      return 'new'
    },
    markDone(id) {
      inFlight.delete(id)
      done.add(id)
      // A Set iterates in insertion order, so the first entry is the oldest.
      while (done.size > maxEntries) done.delete(done.values().next().value as string)
    },
    release(id) {
      inFlight.delete(id)
    },
  }
}
