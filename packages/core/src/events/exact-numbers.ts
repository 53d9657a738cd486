/**
 * @module
 * Lossless numbers. `JSON.parse` rounds a number it cannot hold exactly (`2123875204123456789`
 * becomes `2123875204123456800`) before any schema sees it, and Node 20's `JSON.parse` gives no
 * access to the source text. So after the usual parse, a cheap test on the raw text tells whether
 * such a number can be present at all (it needs 16 digits in a row); only then is the text
 * scanned, and every number token that parsing would change is re-read as the string of its
 * exact digits. Identifiers then keep every digit; a count or timestamp that large fails its
 * schema instead of being silently rounded.
 *
 * ```ts
 * exactJson('{"id":2123875204123456789}', JSON.parse('{"id":2123875204123456789}'))
 * // { id: '2123875204123456789' }
 * ```
 */
import { canonicalDecimal } from '../schema/drift'

/** A number with 16 or more digits (or digits and a point): the only kind `JSON.parse` may round. */
const MAY_LOSE_DIGITS = /\d[\d.]{15}/

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
 * `parsed` (what `JSON.parse(text)` returned), with every number it rounded replaced by the
 * string of its exact digits. Returns `parsed` itself when nothing was rounded, which the raw
 * text usually shows without scanning.
 */
export function exactJson(text: string, parsed: unknown): unknown {
  if (!MAY_LOSE_DIGITS.test(text)) return parsed
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
