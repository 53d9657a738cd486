/**
 * @module
 * Comparisons whose running time does not depend on where two secrets first differ, so an
 * attacker cannot recover a signature byte by byte from response times. Internal: every built-in
 * verifier compares with it.
 */

const encoder = new TextEncoder()

/**
 * True when both arrays hold the same bytes. Every byte of the longer array is visited even
 * when the lengths differ: only the lengths themselves (public for any signature format) leak.
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  const length = Math.max(a.length, b.length)
  let diff = a.length ^ b.length
  for (let i = 0; i < length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return diff === 0
}

/** `String.prototype.toWellFormed` (ES2024; Node 20, Bun, Deno and edge runtimes have it). */
type MaybeWellFormed = string & { toWellFormed?: () => string }
const canWellForm = typeof ('' as MaybeWellFormed).toWellFormed === 'function'

/**
 * `timingSafeEqual` over the UTF-8 bytes of two strings. UTF-8 is one-to-one on well-formed text
 * and `TextEncoder` writes a lone surrogate as U+FFFD, exactly what `toWellFormed` does, so
 * comparing the well-formed UTF-16 code units gives the same answer without encoding both strings
 * on every check (signatures are compared on every delivery).
 */
export function timingSafeEqualString(a: string, b: string): boolean {
  if (!canWellForm) return timingSafeEqual(encoder.encode(a), encoder.encode(b))
  const x = (a as MaybeWellFormed).toWellFormed?.() ?? a
  const y = (b as MaybeWellFormed).toWellFormed?.() ?? b
  const length = Math.max(x.length, y.length)
  let diff = x.length ^ y.length
  // Past the end `charCodeAt` is NaN, which `| 0` makes 0, like the byte version's `?? 0`.
  for (let i = 0; i < length; i++) diff |= (x.charCodeAt(i) | 0) ^ (y.charCodeAt(i) | 0)
  return diff === 0
}
