/**
 * @module
 * Lossless numbers. `JSON.parse` rounds a number it cannot hold exactly (`2123875204123456789`
 * becomes `2123875204123456800`) before any schema sees it, and Node 20's `JSON.parse` gives no
 * access to the source text. So after the usual parse, a walk over the parsed values tells whether
 * such a number can be present at all (an integer beyond 2^53, or a fraction whose shortest form
 * takes 16 or more characters); only then is the text scanned, and every number token that
 * parsing would change is re-read as the string of its exact digits. Identifiers then keep every
 * digit; a count or timestamp that large fails its schema instead of being silently rounded.
 *
 * The walk costs a tenth of scanning the text, and is exact for integers. A fraction written with
 * more digits than a double holds that still reads back as a short number (`0.10000000000000000001`
 * parses to `0.1`) is taken as that double, as any JSON reader would; AIRudder's fractions are
 * amounts and durations, printed from doubles in the first place.
 *
 * ```ts
 * exactJson('{"id":2123875204123456789}', JSON.parse('{"id":2123875204123456789}'))
 * // { id: '2123875204123456789' }
 * ```
 */
import { canonicalDecimal } from '../schema/decimal-text'

const QUOTE = 34
const BACKSLASH = 92
const MINUS = 45

function isNumberChar(code: number): boolean {
  // 0-9 . + - e E
  return (
    (code >= 48 && code <= 57) || code === 46 || code === 43 || code === MINUS || code === 101 || code === 69
  )
}

/** Index of the quote closing the string that opens at `start`. */
function endOfString(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === BACKSLASH) index++
    else if (code === QUOTE) return index
  }
  return text.length
}

/** True when `JSON.parse` would not give back the decimal this token writes. */
function isLossy(token: string): boolean {
  // Up to 15 significant digits always survive a double; exponent forms are left as parsed.
  if (token.length < 16 || /[eE]/.test(token)) return false
  return canonicalDecimal(Number(token)) !== canonicalDecimal(token)
}

/** Calls `visit(start, end)` for every number token outside strings in valid JSON text. */
function forEachNumber(text: string, visit: (start: number, end: number) => void): void {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === QUOTE) index = endOfString(text, index)
    else if (code === MINUS || (code >= 48 && code <= 57)) {
      let end = index + 1
      while (end < text.length && isNumberChar(text.charCodeAt(end))) end++
      visit(index, end)
      index = end - 1
    }
  }
}

/**
 * True when some number in `parsed` may have been rounded by `JSON.parse`: every other double
 * prints back as the digits that were sent. Nesting too deep to walk is scanned instead.
 */
function mayBeRounded(parsed: unknown): boolean {
  try {
    return hasRoundedNumber(parsed)
  } catch {
    return true // a stack overflow on nesting thousands deep: the text scan is iterative
  }
}

function hasRoundedNumber(value: unknown): boolean {
  if (typeof value === 'number')
    return !Number.isSafeInteger(value) && (Number.isInteger(value) || String(value).length >= 16)
  if (typeof value !== 'object' || value === null) return false
  if (Array.isArray(value)) {
    for (const item of value) if (hasRoundedNumber(item)) return true
    return false
  }
  for (const key in value) if (hasRoundedNumber((value as Record<string, unknown>)[key])) return true
  return false
}

/**
 * `parsed` (what `JSON.parse(text)` returned), with every number it rounded replaced by the
 * string of its exact digits. Returns `parsed` itself when nothing was rounded, which the parsed
 * values usually show without scanning the text.
 */
export function exactJson(text: string, parsed: unknown): unknown {
  if (!mayBeRounded(parsed)) return parsed
  let exact = ''
  let copied = 0
  forEachNumber(text, (start, end) => {
    const token = text.slice(start, end)
    if (!isLossy(token)) return
    exact += `${text.slice(copied, start)}"${token}"`
    copied = end
  })
  return copied === 0 ? parsed : JSON.parse(exact + text.slice(copied))
}

/**
 * The source text of a top-level field's number value (`"TaskID": 1.50` gives `1.50`), so a
 * signature over it is checked against what AIRudder wrote, not against a re-printed number.
 */
export function topLevelNumberText(text: string, field: string): string | undefined {
  let depth = 0
  let key: string | undefined
  let found: string | undefined
  // The last occurrence, as `JSON.parse` keeps the last of duplicate keys.
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === QUOTE) {
      const end = endOfString(text, index)
      key = depth === 1 ? text.slice(index + 1, end) : undefined
      index = end
    } else if (code === 123 || code === 91)
      depth++ // { [
    else if (code === 125 || code === 93)
      depth-- // } ]
    else if (code === MINUS || (code >= 48 && code <= 57)) {
      let end = index + 1
      while (end < text.length && isNumberChar(text.charCodeAt(end))) end++
      if (depth === 1 && key !== undefined && safeKey(key) === field) found = text.slice(index, end)
      index = end - 1
    }
  }
  return found
}

/** A key as `JSON.parse` reads it, for the plain keys AIRudder uses (escapes are never a match). */
function safeKey(raw: string): string | undefined {
  return raw.includes('\\') ? undefined : raw
}
