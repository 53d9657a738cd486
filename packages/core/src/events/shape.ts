/**
 * @module
 * Matching a parsed JSON body against a `Shape`, and explaining a near miss.
 */
import type { FieldKind, Matcher, Shape } from './define-event'

export type JsonObject = Readonly<Record<string, unknown>>

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The own value at a path split into its segments (`['pds', 'type']`). */
function at(json: JsonObject, segments: readonly string[]): unknown {
  let value: unknown = json
  for (let i = 0; i < segments.length; i++) {
    if (!isJsonObject(value)) return undefined
    value = ownValue(value, segments[i] as string)
  }
  return value
}

/** Most probes miss, so the value is read first and the own-property check runs only on a hit. */
function ownValue(json: JsonObject, key: string): unknown {
  const value = json[key]
  return value !== undefined && Object.hasOwn(json, key) ? value : undefined
}

function fits(value: unknown, kind: FieldKind): boolean {
  if (typeof kind === 'object') return value === kind.equals
  if (kind === 'array') return Array.isArray(value)
  if (kind === 'object') return isJsonObject(value)
  if (kind === 'id') return typeof value === 'string' || typeof value === 'number'
  return typeof value === kind
}

function describeKind(kind: FieldKind): string {
  if (typeof kind === 'object') return `equal to ${JSON.stringify(kind.equals)}`
  if (kind === 'id') return 'a string or number'
  return kind === 'array' || kind === 'object' ? `an ${kind}` : `a ${kind}`
}

/** A shape's fields as `at` reads them: each path split once, when the matcher is compiled. */
type Field = readonly [segments: readonly string[], kind: FieldKind]

function matchesFields(json: JsonObject, fields: readonly Field[]): boolean {
  for (let i = 0; i < fields.length; i++) {
    const [segments, kind] = fields[i] as Field
    if (!fits(at(json, segments), kind)) return false
  }
  return true
}

/** A shape's fields, each path split into its segments; the gate reads the first segment of each. */
export const fieldsOf = (shape: Shape): readonly Field[] =>
  Object.entries(shape).map(([path, kind]) => [path.split('.'), kind])

/** The shapes a matcher accepts, any of which fits; `undefined` for a predicate. */
export function shapesOf(matcher: Matcher): readonly Shape[] | undefined {
  if (typeof matcher === 'function') return undefined
  return Array.isArray(matcher) ? (matcher as readonly Shape[]) : [matcher as Shape]
}

/**
 * The matcher as a test over a parsed body. Classify runs it on every delivery whose top-level keys
 * it could fit, so the shapes are turned into field lists once, here, rather than read key by key
 * on each probe.
 */
export function compileMatcher(matcher: Matcher): (json: JsonObject) => boolean {
  if (typeof matcher === 'function') return (json) => matcher(json) === true
  const shapes = (shapesOf(matcher) ?? []).map(fieldsOf)
  const [only] = shapes
  if (shapes.length === 1 && only) return (json) => matchesFields(json, only)
  return (json) => shapes.some((fields) => matchesFields(json, fields))
}

/** How close a body comes to a shape: the number of fields that fit, and what is wrong with the rest. */
export function nearMiss(
  json: JsonObject,
  shape: Shape,
): { readonly fitting: number; readonly problems: string[] } {
  let fitting = 0
  const problems: string[] = []
  for (const path in shape) {
    const kind = shape[path] as FieldKind
    const value = at(json, path.split('.'))
    if (fits(value, kind)) fitting++
    else
      problems.push(
        value === undefined ? `\`${path}\` is missing` : `\`${path}\` is not ${describeKind(kind)}`,
      )
  }
  return { fitting, problems }
}
