/**
 * @module
 * Step 1, `decode`: a delivery's raw bytes (with the headers, URL and client IP it came with) to
 * JSON. Every later step takes the previous one's output, so a delivery can be checked without HTTP:
 *
 * ```ts
 * const decoded = decode({ body, headers, url })      // or decode(body)
 * if (!decoded.ok) throw new Error(decoded.message)   // code 'malformed_json'
 * const verified = await verify(classify(decoded), { key: 'my-key' })
 * if (verified.ok) console.log(validate(verified))    // { ok: true, event } or { ok: false, invalid }
 * ```
 */
import { exactJson } from '../events/exact-numbers'

/** A failed step, as AIRudder would be answered: the error code and a message safe to send. */
export interface StepFailure<Code extends string = string> {
  readonly ok: false
  readonly code: Code
  readonly message: string
}

/** One delivery as received. Only `body` is required; a `Delivery` fits as is. */
export interface DeliveryInput {
  /** The raw body exactly as received. */
  readonly body: Uint8Array | string
  readonly headers?: Headers | Readonly<Record<string, string>> | undefined
  /** The full request URL (verifiers such as `urlToken` read its query). Default `http://localhost/`. */
  readonly url?: string | undefined
  /** The client IP, for `ipAllowlist`. */
  readonly ip?: string | undefined
  /** Default: now. */
  readonly receivedAt?: Date | undefined
}

/** A body that is JSON, with everything later steps read. */
export interface Decoded {
  readonly ok: true
  /** The raw bytes: signatures are checked against these, never a re-encoded copy. */
  readonly body: Uint8Array
  /** The body as UTF-8 text (the event's `raw`). */
  readonly text: string
  /** The parsed JSON; numbers `JSON.parse` would round are strings of their exact digits. */
  readonly json: unknown
  readonly headers: Headers
  readonly url: string
  readonly ip?: string | undefined
  readonly receivedAt: Date
}

const decoder = new TextDecoder('utf-8', { fatal: true })
const encoder = new TextEncoder()

/**
 * Decodes UTF-8 JSON, losslessly. The error names the position, never echoes the body (it may
 * hold a signature).
 */
export function decode(input: DeliveryInput | Uint8Array | string): Decoded | StepFailure<'malformed_json'> {
  const delivery = typeof input === 'string' || input instanceof Uint8Array ? { body: input } : input
  const { body } = delivery
  let text: string
  try {
    text = typeof body === 'string' ? body : decoder.decode(body)
  } catch {
    return malformed('The body is not valid UTF-8')
  }
  let json: unknown
  try {
    json = exactJson(text, JSON.parse(text))
  } catch (error) {
    return malformed(jsonError(text, error))
  }
  const { headers } = delivery
  return {
    ok: true,
    body: typeof body === 'string' ? encoder.encode(body) : body,
    text,
    json,
    headers: headers instanceof Headers ? headers : new Headers(headers),
    url: delivery.url ?? 'http://localhost/',
    ip: delivery.ip,
    receivedAt: delivery.receivedAt ?? new Date(),
  }
}

const malformed = (message: string) => ({ ok: false, code: 'malformed_json', message }) as const

function jsonError(text: string, error: unknown): string {
  if (text.trim() === '') return 'The body is empty; expected a JSON object'
  // V8's message may quote the body; only its position (when given) is passed on.
  const native = String((error as Error).message)
  const position = /position (\d+)/.exec(native)?.[1]
  const where = native.includes('end of JSON')
    ? ' (it ends too early)'
    : position
      ? ` (error at position ${position})`
      : ''
  return `The body is not valid JSON${where}`
}
