/**
 * @module
 * Exponential backoff with jitter for inbox retries: attempt n waits `baseMs * 2^(n-1)`, capped at
 * `maxMs`, minus up to `jitter` of it at random so replicas do not retry in lockstep.
 */
export interface RetryOptions {
  /** First retry delay. Default 1 s. */
  readonly baseMs?: number | undefined
  /** Longest delay. Default 5 min. */
  readonly maxMs?: number | undefined
  /** Fraction of each delay taken off at random, 0 to 1. Default 0.2. */
  readonly jitter?: number | undefined
}

export function retryDelay(
  attempt: number,
  options: RetryOptions = {},
  random: () => number = Math.random,
): number {
  const base = options.baseMs ?? 1000
  const max = options.maxMs ?? 5 * 60_000
  const jitter = Math.min(Math.max(options.jitter ?? 0.2, 0), 1)
  const delay = Math.min(max, base * 2 ** Math.max(attempt - 1, 0))
  return Math.round(delay * (1 - jitter * random()))
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
