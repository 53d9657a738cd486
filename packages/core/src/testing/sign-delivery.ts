/**
 * @module
 * `signDelivery(payload, { key, scheme })`: the body and headers AIRudder would send for a
 * payload, signed one of the ways AIRudder signs: the md5 `Sign` body field, the
 * `X-AIRudder-Sign` header (in the construction you name), or a URL token for the unsigned pushes.
 *
 * ```ts
 * import { buildEvent, signDelivery } from '@airudder-webhooks/core/testing'
 * const { body, headers } = signDelivery(buildEvent('workflow.call.completed'), { key: 'my-key' })
 * const chat = signDelivery(buildEvent('chatbot.channel.message.sent'), {
 *   key: 'header-key',
 *   scheme: 'hmac-sha256-hex',
 * })
 * ```
 */
import { defaultRegistry } from '../events/registry'
import { classify } from '../steps/classify'
import { computeSignature, type HeaderSignAlgorithm, isHeaderSignAlgorithm } from '../verify/algorithms'
import { md5Hex } from '../verify/md5-sign'

/**
 * How a delivery is signed. `md5`: body `Sign` = md5(TaskID + key); a `HeaderSignAlgorithm`:
 * the `X-AIRudder-Sign` header; `url-token`: `?token=<key>`; `none`: unsigned; `auto` (default):
 * what AIRudder uses for the payload's type (md5 for call completions and QA reports,
 * `hmac-sha256-hex` for chatbot pushes, whose real algorithm is unpublished, and a URL token for the rest).
 */
export type SignScheme = 'auto' | 'md5' | HeaderSignAlgorithm | 'url-token' | 'none'

export interface SignOptions {
  /** The KEY, header key or URL token, by scheme. Default `'airudder'` (AIRudder's default KEY). */
  readonly key?: string | undefined
  readonly scheme?: SignScheme | undefined
  /** Header for header schemes. Default `'X-AIRudder-Sign'`. */
  readonly header?: string | undefined
  /** md5: the signed field (default `'TaskID'`) and the signature field (default `'Sign'`). */
  readonly field?: string | undefined
  readonly signField?: string | undefined
  /** url-token: the query parameter. Default `'token'`. */
  readonly param?: string | undefined
  /** Extra headers, sent as given. */
  readonly headers?: Readonly<Record<string, string>> | undefined
}

export interface SignedDelivery {
  /** The classified event type of the payload (`unknown` when no shape matches). */
  readonly type: string
  /** The scheme used (`auto` resolved). */
  readonly scheme: Exclude<SignScheme, 'auto'>
  /** The exact body text to send. */
  readonly body: string
  readonly headers: Readonly<Record<string, string>>
  /** Query parameters to add to the receiver's URL (the `url-token` scheme's token). */
  readonly query: Readonly<Record<string, string>>
}

/**
 * The scheme AIRudder uses for a type, from its definition's `signing` (header-signed ones get the
 * kit's default construction; a type without a definition is sent unsigned).
 */
export function defaultScheme(type: string): Exclude<SignScheme, 'auto'> {
  const signing = defaultRegistry.get(type)?.signing
  if (signing === 'md5-sign') return 'md5'
  if (signing === 'header-sign') return 'hmac-sha256-hex'
  return signing === 'unsigned' ? 'url-token' : 'none'
}

function toJson(payload: object | string): unknown {
  if (typeof payload !== 'string') return payload
  try {
    return JSON.parse(payload)
  } catch {
    throw new TypeError('@airudder-webhooks/core/testing: signDelivery got a string that is not JSON')
  }
}

function withSign(json: unknown, options: SignOptions, key: string): string {
  const field = options.field ?? 'TaskID'
  const record = json as Record<string, unknown>
  const value = typeof json === 'object' && json !== null ? record[field] : undefined
  if (typeof value !== 'string') {
    throw new TypeError(`@airudder-webhooks/core/testing: the md5 scheme signs the string field ${field}`)
  }
  return JSON.stringify({ ...record, [options.signField ?? 'Sign']: md5Hex(value + key) })
}

/** Serialises and signs `payload` (an object, or a JSON text sent byte for byte unless md5 re-signs it). */
export function signDelivery(payload: object | string, options: SignOptions = {}): SignedDelivery {
  const json = toJson(payload)
  const type = classify({ json }).type
  const requested = options.scheme ?? 'auto'
  const scheme = requested === 'auto' ? defaultScheme(type) : requested
  const key = options.key ?? 'airudder'
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers }
  const query: Record<string, string> = {}
  let body = typeof payload === 'string' ? payload : JSON.stringify(payload)
  if (scheme === 'md5') body = withSign(json, options, key)
  else if (isHeaderSignAlgorithm(scheme)) {
    const signature = computeSignature(scheme, new TextEncoder().encode(body), key)
    headers[(options.header ?? 'X-AIRudder-Sign').toLowerCase()] = signature
  } else if (scheme === 'url-token') query[options.param ?? 'token'] = key
  else if (scheme !== 'none') {
    throw new TypeError(`@airudder-webhooks/core/testing: unknown signature scheme ${JSON.stringify(scheme)}`)
  }
  return { type, scheme, body, headers, query }
}
