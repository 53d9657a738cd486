/**
 * @module
 * The deep merge behind `buildEvent(type, overrides)`: objects merge key by key, `undefined`
 * removes a field, and an array replaces the sample's array with each of its objects merged over
 * the sample's element at the same index (or its first one), so a partial element stays complete.
 *
 * ```ts
 * deepMerge({ a: 1, list: [{ x: 1, y: 2 }] }, { list: [{ y: 3 }, { x: 9 }] })
 * // { a: 1, list: [{ x: 1, y: 3 }, { x: 9, y: 2 }] }
 * ```
 */

/** What may override a value of type `T`: any part of it, recursively; `undefined` removes a field. */
export type Overrides<T> = T extends readonly (infer Element)[]
  ? readonly Overrides<Element>[]
  : T extends object
    ? { readonly [K in keyof T]?: Overrides<T[K]> | undefined }
    : T

type Plain = Record<string, unknown>

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A deep copy of JSON-like data (no `structuredClone` needed on any runtime). */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneJson) as T
  if (isPlain(value)) {
    const copy: Plain = {}
    for (const [key, item] of Object.entries(value)) copy[key] = cloneJson(item)
    return copy as T
  }
  return value
}

/** `base` with `overrides` merged over it; neither is modified. */
export function deepMerge(base: unknown, overrides: unknown): unknown {
  if (overrides === undefined) return cloneJson(base)
  if (Array.isArray(overrides)) {
    const template = Array.isArray(base) ? base : []
    return overrides.map((item, index) =>
      isPlain(item) ? deepMerge(template[index] ?? template[0], item) : cloneJson(item),
    )
  }
  if (!isPlain(overrides) || !isPlain(base)) return cloneJson(overrides)
  const merged = cloneJson(base)
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[key]
    else merged[key] = deepMerge(merged[key], value)
  }
  return merged
}
