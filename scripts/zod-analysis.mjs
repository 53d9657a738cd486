/**
 * @module
 * What the validator compiler needs to know of a zod schema node before writing code for it:
 * whether it specialises the node at all (`supported`), whether the node may return something
 * other than its input or change it in place (`analyse`), and a discriminated union's cases.
 * Answers depend on the schema object alone, so they are kept per schema.
 */

const SIMPLE = new Set(['string', 'number', 'boolean', 'null', 'unknown', 'any'])
/** schema -> { changes, mutates } */
const analysed = new WeakMap()

export const defOf = (schema) => schema._zod.def
export const typeOf = (schema) => defOf(schema).type

/** May this node return something other than its input? May it change its input in place? */
export function analyse(schema, seen = new Set()) {
  const known = analysed.get(schema)
  if (known) return known
  if (seen.has(schema)) return { changes: true, mutates: true } // recursive: be conservative
  seen.add(schema)
  const def = defOf(schema)
  let result
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'unknown':
    case 'any':
    case 'literal':
      result = { changes: false, mutates: false }
      break
    case 'optional':
    case 'nullable':
      result = analyse(def.innerType, seen)
      break
    case 'union': {
      const options = def.options.map((option) => analyse(option, seen))
      result = {
        changes: options.some((o) => o.changes),
        mutates: options.some((o) => o.mutates),
      }
      break
    }
    case 'pipe': {
      const a = analyse(def.in, seen)
      const b = analyse(def.out, seen)
      result = { changes: a.changes || b.changes, mutates: a.mutates || b.mutates }
      break
    }
    case 'transform':
      result = { changes: true, mutates: false }
      break
    case 'object': {
      const fields = Object.values(def.shape).map((field) => analyse(field, seen))
      result = { changes: false, mutates: fields.some((f) => f.changes || f.mutates) }
      break
    }
    case 'array': {
      const element = analyse(def.element, seen)
      result = { changes: false, mutates: element.changes || element.mutates }
      break
    }
    case 'record': {
      const value = analyse(def.valueType, seen)
      result = { changes: false, mutates: value.changes || value.mutates }
      break
    }
    default:
      result = { changes: true, mutates: false } // byZod: a copy, the input untouched
  }
  if (!supported(schema)) result = { changes: true, mutates: false }
  analysed.set(schema, result)
  return result
}

/** Whether the compiler specialises this node itself (else zod parses it). */
export function supported(schema) {
  const def = defOf(schema)
  const traits = schema._zod.traits
  if (def.coerce || traits.has('$ZodCodec')) return false
  if ((def.checks ?? []).some((check) => check._zod.def.when)) return false
  switch (def.type) {
    case 'literal':
      return def.values.every(
        (value) => value === null || ['string', 'boolean'].includes(typeof value) || Number.isFinite(value),
      )
    case 'optional':
      return defOf(def.innerType).type !== 'default' && def.innerType._zod.optin !== 'defaulted'
    case 'union':
      if (def.discriminator !== undefined)
        return !def.unionFallback && discriminatorCases(schema) !== undefined
      return def.inclusive !== false
    case 'object': {
      const catchall = def.catchall && typeOf(def.catchall)
      if (catchall !== 'unknown' && catchall !== 'any') return false
      if (Object.getOwnPropertySymbols(def.shape).length > 0) return false
      return Object.entries(def.shape).every(
        ([key, field]) => key !== '__proto__' && field._zod.optin !== 'defaulted',
      )
    }
    case 'record': {
      const key = def.keyType
      return (
        typeOf(key) === 'string' &&
        !(defOf(key).checks ?? []).length &&
        !defOf(key).coerce &&
        def.mode !== 'loose'
      )
    }
    default:
      return SIMPLE.has(def.type) || ['nullable', 'pipe', 'transform', 'array'].includes(def.type)
  }
}

/** Each discriminator value with its option, or `undefined` when one cannot be switched on. */
export function discriminatorCases(schema) {
  const def = defOf(schema)
  const cases = []
  for (const option of def.options) {
    const values = option._zod.propValues?.[def.discriminator]
    if (!values || values.size === 0) return undefined
    for (const value of values) {
      if (!(typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value)))
        return undefined
      cases.push([value, option])
    }
  }
  return cases
}
