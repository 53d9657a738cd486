/**
 * @module
 * Matching a parsed JSON body against a `Shape`, and explaining a near miss.
 */
import type { FieldKind, Matcher, Shape } from './define-event'

export type JsonObject = Readonly<Record<string, unknown>>

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function at(json: JsonObject, path: string): unknown {
  if (!path.includes('.')) return Object.hasOwn(json, path) ? json[path] : undefined
  let value: unknown = json
  for (const key of path.split('.')) {
    if (!isJsonObject(value) || !Object.hasOwn(value, key)) return undefined
    value = value[key]
  }
  return value
}

function fits(value: unknown, kind: FieldKind): boolean {
  if (typeof kind === 'object') return value === kind.equals
  if (kind === 'array') return Array.isArray(value)
  if (kind === 'object') return isJsonObject(value)
  return typeof value === kind
}

function describeKind(kind: FieldKind): string {
  if (typeof kind === 'object') return `equal to ${JSON.stringify(kind.equals)}`
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
