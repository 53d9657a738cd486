/**
 * @module
 * Redaction for logs: mask the personal fields of a payload (`redact`), or the personal values and
 * phone-like numbers inside free text such as an error message (`redactText`). The kit applies
 * them to its own log lines; apply them to yours before logging a payload.
 *
 * ```ts
 * import { redact } from '@airudder-webhooks/core/redact'
 * webhooks.on('workflow.call.completed', (event) => logger.info(redact(event.payload), 'call completed'))
 * // { TaskID: '490d…', Details: [{ CalleeName: '[redacted]', CalleeNumber: '[redacted]', CallID: 'cad9…', … }] }
 * ```
 */
import { normaliseKey, PERSONAL_KEYS } from './personal-fields'

export interface RedactOptions {
  /** More keys to treat as personal (compared like the built-in ones: any case, `_` ignored). */
  readonly keys?: readonly string[] | undefined
  /** What replaces a personal value. Default `'[redacted]'`. */
  readonly mask?: ((value: string) => string) | undefined
}

export const REDACTED = '[redacted]'

function isPersonal(key: string, options: RedactOptions | undefined): boolean {
  const normalised = normaliseKey(key)
  return (
    PERSONAL_KEYS.has(normalised) || (options?.keys?.some((k) => normaliseKey(k) === normalised) ?? false)
  )
}

/**
 * A copy of `value` whose personal fields are masked, at any depth (a personal field holding an
 * object, like the custom API node's `callee`, is masked whole). Empty values stay as they are.
 */
export function redact<T>(value: T, options?: RedactOptions): T {
  const mask = options?.mask ?? (() => REDACTED)
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk)
    if (node === null || typeof node !== 'object') return node
    const copy: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(node)) {
      copy[key] = isPersonal(key, options) && !isEmpty(child) ? maskWhole(child, mask) : walk(child)
    }
    return copy
  }
  return walk(value) as T
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === ''
}

function maskWhole(value: unknown, mask: (value: string) => string): unknown {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint'
    ? mask(String(value))
    : mask(JSON.stringify(value) ?? '')
}

/** Every non-empty text held by a personal field of `value` (at any depth), longest first. */
export function personalValues(value: unknown, options?: RedactOptions): string[] {
  const found = new Set<string>()
  const collect = (node: unknown, personal: boolean): void => {
    if (Array.isArray(node)) {
      for (const child of node) collect(child, personal)
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) collect(child, personal || isPersonal(key, options))
    } else if (personal && (typeof node === 'string' || typeof node === 'number') && String(node).trim()) {
      found.add(String(node).trim())
    }
  }
  collect(value, false)
  return [...found].sort((a, b) => b.length - a.length)
}

/** Seven or more digits, optionally led by `+` and split by spaces, dots, dashes or brackets: a phone number. */
const PHONE_LIKE = /(?<![\w+])\+?\d(?:[\s.()-]?\d){6,}(?!\w)/g

/**
 * `text` with every one of `values` (from `personalValues(payload)`) and every phone-like number
 * masked. For free text the kit did not write: handlers' error messages, a store's errors.
 */
export function redactText(text: string, values: readonly string[] = [], options?: RedactOptions): string {
  const mask = options?.mask ?? (() => REDACTED)
  let result = text
  for (const value of values) if (value.length >= 2) result = result.split(value).join(mask(value))
  return result.replace(PHONE_LIKE, (match) => mask(match))
}
