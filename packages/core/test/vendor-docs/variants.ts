/**
 * Deliveries derived from a field table (see `field-tables.ts`), each with the payload the README
 * promises for it. A value beyond 2^53 is written into the body as a bare number token, so the
 * JSON text itself holds the digits that `JSON.parse` would round.
 */
import { canonicalDecimal } from '../../src/schema/drift'
import type { Kind, Level } from './field-tables'

/** A number token too long for a double, kept apart until the body text is written. */
export class Big {
  constructor(readonly digits: string) {}
}

export interface Variant {
  readonly name: string
  /** What is sent (a `Big` stands for a bare number token). */
  readonly sent: unknown
  /** The payload the handler must see (before any type-specific lifting). */
  readonly expected: unknown
}

type Json = Record<string, unknown>

/** A deep copy of JSON that keeps `Big` values. */
export function clone<T>(value: T): T {
  if (value instanceof Big) return value
  if (Array.isArray(value)) return value.map(clone) as T
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, clone(inner)])) as T
  return value
}

/** Every object a level's path reaches (`'*'` is each element of an array). */
export function nodesAt(root: unknown, path: readonly string[]): Json[] {
  let nodes: unknown[] = [root]
  for (const step of path) {
    nodes = nodes.flatMap((node) => {
      if (step === '*') return Array.isArray(node) ? node : []
      return typeof node === 'object' && node !== null ? [(node as Json)[step]] : []
    })
  }
  return nodes.filter(
    (node): node is Json => typeof node === 'object' && node !== null && !Array.isArray(node),
  )
}

const kindOf = (entry: string) => entry.replace('?', '') as Kind
const isOptional = (entry: string) => entry.endsWith('?')

/** Every (level, field) of the tables, with its kind and whether it is optional. */
export function fieldsOf(levels: readonly Level[]) {
  return levels.flatMap((level) =>
    Object.entries(level.table).map(([name, entry]) => ({
      level,
      name,
      kind: kindOf(entry),
      optional: isOptional(entry),
    })),
  )
}

/** The README's normalisation of one sent value of a kind. */
function normalise(kind: Kind, value: unknown): unknown {
  if (value instanceof Big) return value.digits
  if (value === null || value === undefined) return undefined
  switch (kind) {
    case 'text':
    case 'id':
      return typeof value === 'number' ? String(value) : value
    case 'int':
      return typeof value === 'string' ? Number(value) : value
    case 'amount':
      return value === '' ? '' : (canonicalDecimal(value as string | number) ?? String(value))
    default:
      return value
  }
}

/** What the handler sees for `sent`: each tabled field normalised, everything else as sent. */
export function expectedFor(levels: readonly Level[], sent: unknown): unknown {
  const expected = clone(sent)
  // Deepest levels first would not matter: each level only rewrites its own scalar fields.
  for (const level of levels) {
    for (const node of nodesAt(expected, level.path)) {
      for (const [name, entry] of Object.entries(level.table)) {
        if (!(name in node)) continue
        const value = node[name]
        if (value === null && isOptional(entry)) node[name] = undefined
        else if (value === null && kindOf(entry) === 'enum') node[name] = null
        else node[name] = normalise(kindOf(entry), value)
      }
    }
  }
  return expected
}

/** A variant built by editing every node of every level with `edit(node, name, kind, optional)`. */
function edited(
  levels: readonly Level[],
  example: unknown,
  edit: (node: Json, name: string, kind: Kind, optional: boolean) => void,
): unknown {
  const sent = clone(example)
  for (const level of levels)
    for (const node of nodesAt(sent, level.path))
      for (const [name, entry] of Object.entries(level.table))
        edit(node, name, kindOf(entry), isOptional(entry))
  return sent
}

const numericText = (value: unknown): value is string =>
  typeof value === 'string' &&
  value !== '' &&
  String(Number(value)) === value &&
  Number.isSafeInteger(Number(value))

/** The variants the issue asks for, from one table and one published example. */
export function variantsOf(levels: readonly Level[], example: unknown): Variant[] {
  const variant = (name: string, sent: unknown): Variant => ({
    name,
    sent,
    expected: expectedFor(levels, sent),
  })
  const variants = [variant('the published example', clone(example))]

  variants.push(
    variant(
      'every optional field removed',
      edited(levels, example, (node, name, _kind, optional) => {
        if (optional) delete node[name]
      }),
    ),
  )
  for (const field of fieldsOf(levels).filter((field) => field.optional)) {
    const sent = clone(example)
    for (const node of nodesAt(sent, field.level.path)) node[field.name] = null
    variants.push(variant(`${[...field.level.path, field.name].join('.')} null`, sent))
  }
  variants.push(
    variant(
      'numbers as strings',
      edited(levels, example, (node, name, kind) => {
        const value = node[name]
        if ((kind === 'int' || kind === 'amount') && typeof value === 'number') node[name] = String(value)
      }),
    ),
  )
  let seed = 0
  variants.push(
    variant(
      'strings as numbers',
      edited(levels, example, (node, name, kind) => {
        const value = node[name]
        if (kind !== 'text' && kind !== 'id' && kind !== 'amount') return
        if (typeof value !== 'string') return
        if (numericText(value)) node[name] = Number(value)
        else if (kind === 'amount' && canonicalDecimal(value) !== undefined) node[name] = Number(value)
        else if (kind !== 'amount') node[name] = 4585 + seed++
      }),
    ),
  )
  variants.push(
    variant(
      'unknown enum values',
      edited(levels, example, (node, name, kind) => {
        if (kind === 'enum' && name in node) node[name] = `new_${name}_value`
      }),
    ),
  )
  variants.push(
    variant(
      'unknown fields',
      edited(levels, example, (node, name) => {
        if (name === Object.keys(node)[0]) node[`added_after_${name}`] = { nested: [1, 'two', null] }
      }),
    ),
  )
  let big = 2123875204123456789n
  variants.push(
    variant(
      'integers beyond 2^53',
      edited(levels, example, (node, name, kind) => {
        if (kind === 'id' && name in node) node[name] = new Big(String(big++))
      }),
    ),
  )
  return variants
}

/** The body text: `Big` values become bare number tokens with every digit. */
export function bodyText(sent: unknown): string {
  const marked = JSON.stringify(sent, (_key, value) =>
    value instanceof Big ? `@@big@@${value.digits}` : value,
  )
  return marked.replace(/"@@big@@(\d+)"/g, '$1')
}
