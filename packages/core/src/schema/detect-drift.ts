/**
 * @module
 * `detectDrift(schema, json)`: which fields of a delivery differ from what the schema documents,
 * without a second schema: it walks the zod schema beside the JSON and reads the drift helpers'
 * tags (`driftTag`). One entry per field path and kind, array elements written `[]`:
 *
 * - `null`           an optional field (or `RingType`) sent as `null`
 * - `coerced`        a number sent as text or text sent as a number (read one documented way)
 * - `unknown_enum`   a value outside an enum's known values (accepted, typed `string`)
 * - `unknown_field`  a field the schema does not describe (kept in the payload)
 * - `missing`        a field the type requires is absent (the delivery is invalid)
 *
 * Costs a walk of the body, so the pipeline runs it only when someone listens (`onDrift`).
 *
 * ```ts
 * detectDrift(WorkflowCallCompletedSchema, json)
 * // [{ path: 'Details[].BorrowedAmount', kind: 'null' }, { path: 'Details[].Status', kind: 'unknown_enum' }]
 * ```
 */
import type { z } from 'zod'
import { type DriftTag, driftTag } from './drift'

export type DriftKind = 'null' | 'coerced' | 'unknown_enum' | 'unknown_field' | 'missing'

export interface DriftField {
  /** Dotted path; `[]` stands for every element of an array (`Details[].Status`). */
  readonly path: string
  readonly kind: DriftKind
}

/** What `onDrift` listeners receive: one verified delivery whose shape drifted. */
export interface DriftReport {
  readonly type: string
  readonly id: string
  readonly fields: readonly DriftField[]
}

/** The few parts of zod's internal definition the walk reads. */
interface Def {
  readonly type: string
  readonly innerType?: z.ZodType
  readonly in?: z.ZodType
  readonly out?: z.ZodType
  readonly shape?: Readonly<Record<string, z.ZodType>>
  readonly element?: z.ZodType
  readonly options?: readonly z.ZodType[]
  readonly getter?: () => z.ZodType
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def
const isOptional = (schema: z.ZodType) =>
  (schema as unknown as { _zod: { optin?: string } })._zod.optin === 'optional'
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The fields of `json` that drifted from `schema`, each path and kind once. */
export function detectDrift(schema: z.ZodType, json: unknown): DriftField[] {
  const found = new Map<string, DriftField>()
  const add = (path: string, kind: DriftKind) => {
    const key = `${kind} ${path}`
    if (!found.has(key)) found.set(key, { path: path || '(root)', kind })
  }
  walk(schema, json, '', add)
  return [...found.values()]
}

type Add = (path: string, kind: DriftKind) => void

const join = (path: string, key: string) => (path ? `${path}.${key}` : key)

function walk(schema: z.ZodType, value: unknown, path: string, add: Add): void {
  const tag = driftTag(schema)
  if (tag) {
    walkTagged(tag, value, path, add)
    return
  }
  const def = defOf(schema)
  if (value === undefined && def.type !== 'pipe') {
    if (!isOptional(schema)) add(path, 'missing')
    return
  }
  if (def.type === 'nullable' && value === null) add(path, 'null')
  else if (def.innerType)
    walk(def.innerType, value, path, add) // optional, nullable, default, catch, readonly
  else if (def.getter)
    walk(def.getter(), value, path, add) // lazy
  else if (def.type === 'pipe') walkPipe(def, value, path, add)
  else if (def.type === 'object') walkObject(def.shape ?? {}, value, path, add)
  else if (def.type === 'array' && Array.isArray(value) && def.element)
    for (const item of value) walk(def.element, item, `${path}[]`, add)
  else if (def.type === 'union') {
    // The option that accepts the value describes it (content types, open unions).
    const option = def.options?.find((candidate) => candidate.safeParse(value).success)
    if (option) walk(option, value, path, add)
  }
}

function walkTagged(tag: DriftTag, value: unknown, path: string, add: Add): void {
  if (tag.kind === 'optional') {
    if (value === null) add(path, 'null')
    else if (value !== undefined) walk(tag.inner, value, path, add)
  } else if (value === undefined) add(path, 'missing')
  else if (tag.kind === 'enum') {
    if (typeof value === 'string' && !tag.values.has(value)) add(path, 'unknown_enum')
  } else if (tag.kind === 'integer' && tag.sentAs === undefined) {
    if (typeof value === 'string') add(path, 'coerced')
  } else if (tag.kind === 'integer' || tag.kind === 'decimal' || tag.kind === 'text') {
    if (typeof value === 'number') add(path, 'coerced')
  }
  // 'id': documented as a string in one place and an integer in another; either is as documented.
}

/** `z.preprocess` is a pipe from a transform: walk the target with what the transform gives. */
function walkPipe(def: Def, value: unknown, path: string, add: Add): void {
  if (!def.in || !def.out) return
  if (defOf(def.in).type !== 'transform') walk(def.in, value, path, add)
  else {
    const lifted = def.in.safeParse(value)
    if (lifted.success) walk(def.out, lifted.data, path, add)
  }
}

function walkObject(
  shape: Readonly<Record<string, z.ZodType>>,
  value: unknown,
  path: string,
  add: Add,
): void {
  if (!isObject(value)) return
  for (const [key, field] of Object.entries(shape)) walk(field, value[key], join(path, key), add)
  for (const key of Object.keys(value)) if (!Object.hasOwn(shape, key)) add(join(path, key), 'unknown_field')
}
