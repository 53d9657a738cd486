/**
 * @module
 * How values read on the page: UTC times, ages, and payloads or error texts with personal fields
 * masked unless the viewer asked to reveal them.
 */
import { decode } from '@airudder-webhooks/core'
import { personalValues, redact, redactText } from '@airudder-webhooks/core/redact'

export const MASK = '••••••'
const mask = () => MASK

export function utc(date: Date | undefined): string {
  return date ? `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC` : '—'
}

export function age(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  if (seconds < 120) return `${seconds} s`
  const minutes = Math.round(seconds / 60)
  if (minutes < 120) return `${minutes} min`
  const hours = Math.round(minutes / 60)
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`
}

/** The stored body, parsed losslessly (big ids stay exact). */
export function payloadOf(raw: string): { ok: true; json: unknown } | { ok: false } {
  const decoded = decode(raw)
  return decoded.ok ? { ok: true, json: decoded.json } : { ok: false }
}

/** The body pretty-printed, its personal fields masked unless `reveal`. */
export function showPayload(raw: string, reveal: boolean): string {
  const parsed = payloadOf(raw)
  if (!parsed.ok) return reveal ? raw : redactText(raw, [], { mask })
  return JSON.stringify(reveal ? parsed.json : redact(parsed.json, { mask }), null, 2)
}

/** A stored error text, with the entry's personal values and phone-like numbers masked unless `reveal`. */
export function showError(error: string | undefined, raw: string, reveal: boolean): string | undefined {
  if (error === undefined || reveal) return error
  const parsed = payloadOf(raw)
  return redactText(error, parsed.ok ? personalValues(parsed.json) : [], { mask })
}
