/**
 * @module
 * Drift-tolerant building blocks shared by every AIRudder schema.
 *
 * AIRudder sends the same field as a string in one push and a number in another, sends `null`
 * for fields it has no value for, adds enum values without notice and spells one value two ways
 * (`cancelled` / `canceled`). These helpers accept that drift and normalise it one documented,
 * lossless way:
 *
 * - `decimal()`   amounts -> canonical decimal **string** when numeric (`"20000.00"` and `20000`
 *                 both become `"20000"`; never rounded through a float), otherwise the text as
 *                 sent (`"20,000.00"` stays `"20,000.00"`; `""` stays `""`). Never a rejection.
 * - `integer()`   counts, codes, epoch timestamps -> **number** (only exact safe integers are
 *                 accepted, so `"1668998317236"` becomes `1668998317236` and nothing is rounded).
 * - `text()`      text and identifiers -> **string** (`4585` becomes `"4585"`; an integer beyond
 *                 2^53 keeps every digit, see `exactJson`). `idString()` is the same for ids.
 * - `openEnum()`  known values are listed for editors and docs; any other string is accepted.
 * - `optional(s)` a documented-optional field: absent, or `null`, reads as `undefined`.
 *
 * Each helper is tagged (`driftTag`) so `detectDrift` can say what drifted without a second
 * schema.
 *
 * ```ts
 * const Amount = decimal()
 * Amount.parse('20310.00') // '20310'
 * ```
 */
import { z } from 'zod'
import { canonicalDecimal, numberToDecimal } from './decimal-text'

export { canonicalDecimal }

/** A string enum that stays open: the known values autocomplete, any other string is accepted. */
export type OpenEnum<T extends string> = T | (string & {})

/** What a drift helper does, for `detectDrift`. */
export type DriftTag =
  | {
      readonly kind: 'decimal' | 'integer' | 'text' | 'id'
      /** How AIRudder documents the value, when it differs from the kind's usual (`integer()` as text). */
      readonly sentAs?: 'string'
    }
  | { readonly kind: 'enum'; readonly values: ReadonlySet<string> }
  | { readonly kind: 'optional'; readonly inner: z.ZodType }

const tags = new WeakMap<z.ZodType, DriftTag>()

/** The drift helper a schema was built with, if any. */
export function driftTag(schema: z.ZodType): DriftTag | undefined {
  return tags.get(schema)
}

function tagged<S extends z.ZodType>(schema: S, tag: DriftTag): S {
  tags.set(schema, tag)
  return schema
}

export function openEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const schema = z
    .string()
    .meta({ description: `Known values: ${values.join(', ')} (others accepted).` }) as z.ZodType<
    OpenEnum<T[number]>,
    string
  >
  return tagged(schema, { kind: 'enum', values: new Set(values) })
}

const toUndefined = z.null().transform(() => undefined)

/**
 * A documented-optional field: absent or `null` both read as `undefined` (the delivery's `raw`
 * keeps what was sent, and `detectDrift` reports the `null`).
 */
export function optional<S extends z.ZodType>(schema: S) {
  // A leaf helper takes `null` in its own union and transform: one union per value, not two
  // nested ones (measured: about 1.7x faster per optional text or amount field).
  const convert = conversions.get(schema)
  const nullable = convert
    ? stringNumberOrNull.transform((value, ctx) => (value === null ? undefined : convert(value, ctx)))
    : z.union([schema, toUndefined])
  return tagged(nullable.optional(), { kind: 'optional', inner: schema }) as unknown as z.ZodOptional<
    z.ZodType<z.output<S> | undefined, z.input<S> | null>
  >
}

// Numbers first: most numeric fields arrive as numbers, and each value is checked on the hot path.
const valueError = (issue: { readonly input?: unknown }) =>
  issue.input === undefined ? 'Required' : 'Expected a string or a number'
const stringOrNumber = z.union([z.number(), z.string()], { error: valueError })
const stringNumberOrNull = z.union([z.number(), z.string(), z.null()], { error: valueError })

type Convert<T> = (value: string | number, ctx: z.core.$RefinementCtx<string | number | null>) => T

/** Each leaf helper's conversion, so `optional()` can fold `null` into the same union and transform. */
const conversions = new WeakMap<z.ZodType, Convert<unknown>>()

function leaf<T>(kind: 'decimal' | 'integer' | 'text' | 'id', convert: Convert<T>, sentAs?: 'string') {
  const schema = tagged(stringOrNumber.transform(convert), sentAs ? { kind, sentAs } : { kind })
  conversions.set(schema, convert as Convert<unknown>)
  return schema
}

/** Amount: a canonical decimal string when numeric, otherwise the text as sent. */
export function decimal() {
  return leaf('decimal', (value) => {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value) // fast path
    if (value === '') return ''
    return canonicalDecimal(value) ?? String(value)
  })
}

/**
 * Exact safe integer, from a number or a numeric string. `{ sentAs: 'string' }` when AIRudder
 * documents the number as text (the dialer's epoch-ms `timestamp`), so text is not reported as drift.
 */
export function integer(options: { readonly sentAs?: 'string' } = {}) {
  return leaf(
    'integer',
    (value, ctx) => {
      if (typeof value === 'number' && Number.isSafeInteger(value)) return value // fast path: no canonicalising
      const canonical = canonicalDecimal(value)
      const number = canonical === undefined || canonical.includes('.') ? Number.NaN : Number(canonical)
      if (Number.isSafeInteger(number)) return number
      ctx.issues.push({
        code: 'custom',
        message: 'Expected an integer (number or numeric string)',
        input: value,
      })
      return z.NEVER
    },
    options.sentAs,
  )
}

const toText = (value: string | number) => (typeof value === 'number' ? numberToDecimal(value) : value)

/** Text that may arrive as a number: always a string afterwards (`7777777.0` reads `"7777777"`). */
export function text() {
  return leaf('text', toText)
}

/** Identifier that may arrive as a number: always a string afterwards, every digit kept. */
export function idString() {
  return leaf('id', toText)
}
