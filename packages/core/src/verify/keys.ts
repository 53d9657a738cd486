/**
 * @module
 * Key lists for rotation. Every configured key is tried on every delivery (no early exit), so
 * the response time does not reveal which key, if any, matched.
 *
 * ```ts
 * const keys = toKeyList(['new-key', 'old-key'], 'md5Sign')
 * const index = matchKey(keys, (key) => timingSafeEqualString(sign, md5Hex(taskId + key)))
 * ```
 */

/**
 * Normalises `string | readonly string[]` into a non-empty list of non-empty strings. Throws at
 * construction, where a misconfiguration (an unset environment variable) is easy to trace.
 */
export function toKeyList(
  keys: string | readonly string[] | undefined,
  verifier: string,
  noun = 'key',
): readonly string[] {
  const list: readonly unknown[] = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : []
  if (list.length === 0) {
    throw new TypeError(`@airudder-webhooks/core: ${verifier} needs at least one ${noun}`)
  }
  list.forEach((key, index) => {
    if (typeof key !== 'string' || key.length === 0) {
      const problem = `${noun} #${index} is empty or not a string`
      throw new TypeError(`@airudder-webhooks/core: ${verifier} needs non-empty string ${noun}s (${problem})`)
    }
  })
  return Object.freeze([...(list as readonly string[])])
}

/** Runs `test` against every key and returns the index of the first that passed, or -1. */
export function matchKey(keys: readonly string[], test: (key: string, index: number) => boolean): number {
  let matched = -1
  keys.forEach((key, index) => {
    // `test` runs for every key even after a match; only the bookkeeping branches.
    if (test(key, index) && matched === -1) matched = index
  })
  return matched
}
