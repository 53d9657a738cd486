/**
 * @module
 * Which matchers a body can fit at all, from its top-level keys alone. Every field of a shape
 * needs its path's first segment to be an own key of the body, so a shape whose keys the body
 * lacks cannot fit and is not tested. Classify then tests the one or two built-ins a body could
 * be rather than all of them: a test reads properties by computed keys, the slowest read there is,
 * while the body's keys come from one `Object.getOwnPropertyNames` and one map lookup each.
 *
 * ```ts
 * const gate = compileGate([{ workflow_id: 'string', Details: 'array' }, { 'pds.type': { equals: 'x' } }])
 * const mask = gate({ workflow_id: 'w', Details: [] })
 * mayFit(mask, 0) // true: test it
 * mayFit(mask, 1) // false: it cannot fit
 * ```
 */
import type { Matcher } from '../events/define-event'
import { fieldsOf, type JsonObject, shapesOf } from '../events/shape'

/** Matchers past this many are not gated (one bit each in the mask): each is always tested. */
const MASK_BITS = 31

/** True when the gate's mask leaves `matchers[index]` possible (it still needs its test). */
export const mayFit = (mask: number, index: number): boolean =>
  index >= MASK_BITS || (mask & (1 << index)) !== 0

/**
 * A function giving, for a body, a bit mask of the matchers that may fit it (read it with
 * `mayFit`). A clear bit is certain: that matcher does not fit. A set bit still needs its test.
 */
export function compileGate(matchers: readonly Matcher[]): (json: JsonObject) => number {
  let always = 0 // predicates and shapes with no fields
  const bits: number[] = [] // per shape: its matcher's bit
  const needed: number[] = [] // per shape: how many distinct top-level keys it reads
  const byKey = new Map<string, number[]>() // top-level key -> the shapes reading it
  matchers.slice(0, MASK_BITS).forEach((matcher, index) => {
    const bit = 1 << index
    const shapes = shapesOf(matcher)
    if (shapes === undefined) always |= bit
    for (const shape of shapes ?? []) {
      const keys = new Set(fieldsOf(shape).map(([segments]) => segments[0] as string))
      if (keys.size === 0) always |= bit
      for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), bits.length])
      bits.push(bit)
      needed.push(keys.size)
    }
  })
  // Each shape's keys seen so far in the current body; classify is synchronous, so one array serves.
  const seen = bits.map(() => 0)
  return (json) => {
    seen.fill(0)
    let mask = always
    // Own names, enumerable or not, as the tests read them (JSON.parse makes every key enumerable).
    const keys = Object.getOwnPropertyNames(json)
    for (let i = 0; i < keys.length; i++) {
      const shapes = byKey.get(keys[i] as string)
      if (shapes === undefined) continue
      for (let j = 0; j < shapes.length; j++) {
        const shape = shapes[j] as number
        const count = (seen[shape] as number) + 1
        seen[shape] = count
        if (count === needed[shape]) mask |= bits[shape] as number
      }
    }
    return mask
  }
}
