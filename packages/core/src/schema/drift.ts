/**
 * @module
 * Drift-tolerant building blocks shared by every AIRudder schema.
 *
 * AIRudder sends the same field as a string in one push and a number in another, adds enum
 * values without notice and spells one value two ways (`cancelled` / `canceled`). These
 * helpers accept that drift and normalise it one documented, lossless way:
 *
 * - `decimal()`   money and other decimals -> canonical decimal **string**
 *                 (`"20000.00"` and `20000` both become `"20000"`; never rounded through a float;
 *                 an empty string stays `""`).
 * - `integer()`   counts, codes, epoch timestamps -> **number** (only exact safe integers are
 *                 accepted, so `"1668998317236"` becomes `1668998317236` and nothing is rounded).
 * - `idString()`  identifiers -> **string** (`4585` becomes `"4585"`).
 * - `openEnum()`  known values are listed for editors and docs; any other string is accepted.
 *
 * ```ts
 * const Amount = decimal()
 * Amount.parse('20310.00') // '20310'
 * ```
 */
import { z } from 'zod'

/** A string enum that stays open: the known values autocomplete, any other string is accepted. */
export type OpenEnum<T extends string> = T | (string & {})

export function openEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .meta({ description: `Known values: ${values.join(', ')} (others accepted).` }) as z.ZodType<
    OpenEnum<T[number]>,
    string
  >
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/

/** Writes a finite number as a plain decimal string, expanding exponent notation exactly. */
function numberToDecimal(value: number): string {
  const text = String(value)
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (!match) return text
  const [, sign = '', int = '', frac = '', exp = '0'] = match
  const digits = int + frac
  const point = int.length + Number(exp)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

/**
 * Canonical form of a decimal given as a string or a number, or `undefined` when it is not one.
 * Leading `+`, leading zeros and trailing fractional zeros are dropped; `-0` becomes `0`.
 */
export function canonicalDecimal(value: string | number): string | undefined {
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined
  const text = typeof value === 'number' ? numberToDecimal(value) : value.trim()
  const match = DECIMAL.exec(text)
  if (!match) return undefined
  const [, sign, rawInt = '', rawFrac = ''] = match
  if (rawInt === '' && rawFrac === '') return undefined
  const int = rawInt.replace(/^0+(?=\d)/, '') || '0'
  const frac = rawFrac.replace(/0+$/, '')
  const body = frac ? `${int}.${frac}` : int
  return sign === '-' && body !== '0' ? `-${body}` : body
}

// Numbers first: most numeric fields arrive as numbers, and each value is checked on the hot path.
const stringOrNumber = z.union([z.number(), z.string()])

/** Decimal amount as a canonical decimal string; `""` is kept as sent. */
export function decimal() {
  return stringOrNumber.transform((value, ctx) => {
    if (value === '') return ''
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value) // fast path
    const canonical = canonicalDecimal(value)
    if (canonical !== undefined) return canonical
    ctx.issues.push({ code: 'custom', message: 'Expected a decimal number or numeric string', input: value })
    return z.NEVER
  })
}

/** Exact safe integer, from a number or a numeric string. */
export function integer() {
  return stringOrNumber.transform((value, ctx) => {
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
  })
}

/** Identifier that may arrive as a number: always a string afterwards. */
export function idString() {
  return stringOrNumber.transform((value) => (typeof value === 'number' ? numberToDecimal(value) : value))
}
