/**
 * @module
 * Comparisons whose running time does not depend on where two secrets first differ, so an
 * attacker cannot recover a signature byte by byte from response times.
 *
 * ```ts
 * import { timingSafeEqualString } from '@airudder-webhooks/core'
 * timingSafeEqualString(received, expected) // true only when identical
 * ```
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

/** `timingSafeEqual` over the UTF-8 bytes of two strings. */
export function timingSafeEqualString(a: string, b: string): boolean {
  return timingSafeEqual(encoder.encode(a), encoder.encode(b))
}
