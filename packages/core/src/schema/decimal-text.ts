/**
 * @module
 * Decimals as text, exactly: what `decimal()`, `integer()`, `text()` and the lossless-number scan
 * read every amount, count and numeric id through. Each is one pass over the characters (no
 * regular expression, no intermediate strings when the text is already canonical), as validation
 * calls them for every such field of every delivery.
 *
 * ```ts
 * canonicalDecimal('+007.10') // '7.1'
 * numberToDecimal(1e21)       // '1000000000000000000000'
 * ```
 */

const PLUS = 43
const MINUS = 45
const POINT = 46
const ZERO = 48
const NINE = 57

const isDigit = (code: number) => code >= ZERO && code <= NINE

/** Writes a finite number as a plain decimal string, expanding exponent notation exactly. */
export function numberToDecimal(value: number): string {
  const text = String(value)
  // Safe integers and most fractions print without an exponent: nothing to expand.
  const e = text.indexOf('e')
  if (e === -1) return text
  const negative = text.charCodeAt(0) === MINUS
  const mantissa = text.slice(negative ? 1 : 0, e)
  const point = mantissa.indexOf('.')
  const int = point === -1 ? mantissa : mantissa.slice(0, point)
  const digits = point === -1 ? mantissa : int + mantissa.slice(point + 1)
  const sign = negative ? '-' : ''
  const at = int.length + Number(text.slice(e + 1))
  if (at <= 0) return `${sign}0.${'0'.repeat(-at)}${digits}`
  if (at >= digits.length) return `${sign}${digits}${'0'.repeat(at - digits.length)}`
  return `${sign}${digits.slice(0, at)}.${digits.slice(at)}`
}

/**
 * Canonical form of a decimal given as a string or a number, or `undefined` when it is not one
 * (an optional sign, digits, an optional point and digits, with a digit somewhere). Surrounding
 * whitespace is ignored; a leading `+`, leading zeros and trailing fractional zeros are dropped;
 * `-0` becomes `0`.
 */
export function canonicalDecimal(value: string | number): string | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? canonicalText(numberToDecimal(value)) : undefined
  return canonicalText(value.trim())
}

function canonicalText(text: string): string | undefined {
  const { length } = text
  const first = text.charCodeAt(0)
  const signed = first === PLUS || first === MINUS
  let index = signed ? 1 : 0
  const intStart = index
  while (index < length && isDigit(text.charCodeAt(index))) index++
  const intEnd = index
  let fracStart = index
  if (index < length && text.charCodeAt(index) === POINT) {
    fracStart = ++index
    while (index < length && isDigit(text.charCodeAt(index))) index++
  }
  const fracEnd = index
  if (index !== length || (intEnd === intStart && fracEnd === fracStart)) return undefined
  let from = intStart
  while (from < intEnd - 1 && text.charCodeAt(from) === ZERO) from++
  let to = fracEnd
  while (to > fracStart && text.charCodeAt(to - 1) === ZERO) to--
  const noFraction = to <= fracStart // no point, or only zeros after it
  if (!signed && from === 0 && intEnd > 0) {
    // Already canonical but for the point and its zeros: no new string is built (amounts read so).
    if (noFraction) return intEnd === length ? text : text.slice(0, intEnd)
    if (to === length) return text
  }
  const int = from === intEnd ? '0' : text.slice(from, intEnd)
  const body = noFraction ? int : `${int}.${text.slice(fracStart, to)}`
  return first === MINUS && body !== '0' ? `-${body}` : body
}
