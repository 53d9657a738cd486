/**
 * @module
 * What the generated validators (`*.generated.ts` beside this file, written by
 * `scripts/compile-validators.mjs` from the zod schemas) call at run time. No code is built at run
 * time: the closures a schema holds (transforms, preprocessors, refinements) are looked up once in
 * the schema's own definition and called as zod would call them.
 *
 * A validator returns the normalised value, or `NO` (it failed and changed nothing) or `BAIL` (it
 * failed after it may have normalised part of the value in place). Either failure sends the delivery
 * to the zod schema itself, on a fresh parse, so zod alone decides what is wrong with an invalid body.
 */
import type { z } from 'zod'

export const NO: unique symbol = Symbol('airudder.no')
export const BAIL: unique symbol = Symbol('airudder.bail')
export type Failure = typeof NO | typeof BAIL
export type Validator = (value: unknown) => unknown

/** The part of a zod schema's internals a generated validator reads. */
interface Internals {
  readonly _zod: { readonly def: Record<string, unknown> }
}

let stale = false

/** True when a schema changed without regenerating: then no compiled validator is used (zod runs). */
export function isStale(): boolean {
  return stale
}

/**
 * `schema._zod.def[path[0]]._zod.def[path[1]]…`: a transform, check list or sub-schema, found where
 * the generator saw it. When it is gone (a schema changed without `node scripts/generate.mjs`), the
 * compiled validators are switched off rather than failing to load; CI's `--check` names the fix.
 */
export function defAt(schema: unknown, path: readonly (string | number)[]): unknown {
  let node: unknown = schema
  for (const key of path) {
    const def = (node as Internals | undefined)?._zod?.def
    const next: unknown =
      def?.[key as string] ?? (node as Record<string | number, unknown> | undefined)?.[key]
    if (next === undefined) {
      stale = true
      return undefined
    }
    node = next
  }
  return node
}

/** The schema of each built-in type, by type name; a type the generator saw and core lost marks the validators stale. */
export function schemaLookup(
  definitions: readonly { readonly type: string; readonly schema: unknown }[],
): (type: string) => unknown {
  const schemas = new Map(definitions.map((definition) => [definition.type, definition.schema]))
  return (type) => {
    const schema = schemas.get(type)
    if (schema === undefined) stale = true
    return schema
  }
}

/** The payload zod hands to transforms and checks; one is reused, as validation never re-enters itself. */
const payload = {
  value: undefined as unknown,
  issues: [] as unknown[],
  addIssue(issue: unknown) {
    payload.issues.push(issue)
  },
}

/** Readies the shared payload. A new issues array only after a failure: truncating costs a runtime call. */
function reset(value: unknown): void {
  payload.value = value
  if (payload.issues.length > 0) payload.issues = []
}

type TransformFunction = (value: unknown, context: typeof payload) => unknown

/** Runs a zod transform (or preprocessor) the way zod does; `NO` when it reported an issue. */
export function transform(fn: unknown, value: unknown): unknown {
  reset(value)
  const output = (fn as TransformFunction)(value, payload)
  if (payload.issues.length > 0) return NO
  if (output instanceof Promise) throw new Error('@airudder-webhooks/core: schemas must be synchronous')
  return output
}

interface Check {
  readonly _zod: { check(payload: { value: unknown; issues: unknown[] }): unknown }
}

/** True when every zod check (a refinement, a length bound) passes on `value`. */
export function passes(checks: unknown, value: unknown): boolean {
  reset(value)
  for (const check of checks as readonly Check[]) check._zod.check(payload)
  return payload.issues.length === 0
}

/** A part of a schema the generator does not specialise: zod parses it (into a copy, as usual). */
export function byZod(schema: unknown): Validator {
  const typed = schema as z.ZodType
  return (value) => {
    const result = typed.safeParse(value)
    return result.success ? result.data : NO
  }
}

/** zod's test for a record: a plain object (not an array, a class instance or null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const ctor = (value as { constructor?: unknown }).constructor
  if (ctor === undefined || typeof ctor !== 'function') return true
  const prototype: unknown = ctor.prototype
  if (typeof prototype !== 'object' || prototype === null || Array.isArray(prototype)) return false
  return Object.hasOwn(prototype, 'isPrototypeOf')
}
