/**
 * @module
 * Idempotency ids. Each type documents how its id is derived from the payload (so that a
 * retried delivery, byte-identical or not, maps to the same id); where a type has no natural key
 * the id is a SHA-256 of the raw body, which AIRudder's retries repeat byte for byte.
 */
import { hashHex } from '../verify/hash-backend'
import type { EventDefinition } from './define-event'

export function rawBodyId(type: string, body: Uint8Array): string {
  return `${type}:sha256:${hashHex('sha256', body)}`
}

/** `<type>:<natural key>`, or `<type>:sha256:<hex of the raw body>` when the type has none. */
export function eventId(
  type: string,
  definition: EventDefinition | undefined,
  payload: unknown,
  body: Uint8Array,
) {
  const natural = definition?.id?.(payload as never)
  return natural === undefined || natural === '' ? rawBodyId(type, body) : `${type}:${natural}`
}
