/**
 * @module
 * Matching a parsed JSON body against a `Shape`, and explaining a near miss.
 */
import type { FieldKind, Matcher, Shape } from './define-event'

export type JsonObject = Readonly<Record<string, unknown>>

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The own value at a (dotted) path. Classify probes every built-in shape on every delivery and
 * most probes miss, so the value is read first and the own-property check runs only on a hit;
 * dotted paths are split once, not per probe.
 */
function at(json: JsonObject, path: string): unknown {
  if (!path.includes('.')) return ownValue(json, path)
  let value: unknown = json
  for (const key of segmentsOf(path)) {
    if (!isJsonObject(value)) return undefined
    value = ownValue(value, key)
  }
  return value
}

function ownValue(json: JsonObject, key: string): unknown {
  const value = json[key]
  return value !== undefined && Object.hasOwn(json, key) ? value : undefined
}

const segments = new Map<string, readonly string[]>()
function segmentsOf(path: string): readonly string[] {
  let split = segments.get(path)
  if (split === undefined) {
    split = path.split('.')
    // Paths come from definitions, a small fixed set; the bound only guards against misuse.
    if (segments.size < 1000) segments.set(path, split)
  }
  return split
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

export function matchesShape(json: JsonObject, shape: Shape): boolean {
  for (const path in shape) {
    if (!fits(at(json, path), shape[path] as FieldKind)) return false
  }
  return true
}

export function matches(json: JsonObject, matcher: Matcher): boolean {
  if (typeof matcher === 'function') return matcher(json) === true
  if (Array.isArray(matcher)) return (matcher as readonly Shape[]).some((shape) => matchesShape(json, shape))
  return matchesShape(json, matcher as Shape)
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
    const value = at(json, path)
    if (fits(value, kind)) fitting++
    else
      problems.push(
        value === undefined ? `\`${path}\` is missing` : `\`${path}\` is not ${describeKind(kind)}`,
      )
  }
  return { fitting, problems }
}
