/**
 * @module
 * Checks a signature sent in a header (AIRudder's chatbot pushes send `X-AIRudder-Sign`). The
 * algorithm is not published, so it is required: name one of `HEADER_SIGN_ALGORITHMS` or pass
 * your own function. The signature is always computed over the raw body bytes.
 *
 * ```ts
 * import { headerSign } from '@airudder-webhooks/core'
 * const verifier = headerSign({ algorithm: 'hmac-sha256-hex', keys: process.env.AIRUDDER_KEY! })
 * ```
 *
 * Hex is compared case-insensitively; base64 may come with or without `=` padding, in the
 * standard or the URL-safe alphabet. A custom function returning a string is compared exactly;
 * one returning bytes accepts their hex (any case) or base64.
 */
import { bytesToHex, isBytes } from '@noble/hashes/utils.js'
import {
  algorithmEncoding,
  HEADER_SIGN_ALGORITHMS,
  type HeaderSignAlgorithm,
  isHeaderSignAlgorithm,
  signerFor,
} from './algorithms'
import { timingSafeEqualString } from './constant-time'
import { bytesToBase64, normaliseBase64, normaliseHex } from './encoding'
import { matchKey, toKeyList } from './keys'
import type { SyncVerifier } from './sync-verifier'

/** Your own construction: the signature for `body` under `key`, as text or as raw digest bytes. */
export type HeaderSignFunction = (body: Uint8Array, key: string) => string | Uint8Array

export interface HeaderSignOptions {
  /** Header carrying the signature. Default `'X-AIRudder-Sign'`. */
  readonly header?: string | undefined
  /** Required: AIRudder does not publish its algorithm, so the kit never guesses one. */
  readonly algorithm: HeaderSignAlgorithm | HeaderSignFunction
  /** The key(s) agreed with AIRudder; several while rotating. */
  readonly keys: string | readonly string[]
}

/** Whether `received` is the signature of `body` under one configured key. */
type Matcher = (received: string, body: Uint8Array) => boolean

function namedMatcher(algorithm: HeaderSignAlgorithm, key: string): Matcher {
  const normalise = algorithmEncoding(algorithm) === 'hex' ? normaliseHex : normaliseBase64
  const sign = signerFor(algorithm, key)
  return (received, body) => timingSafeEqualString(normalise(received), normalise(sign(body)))
}

function customMatcher(sign: HeaderSignFunction, key: string): Matcher {
  return (received, body) => {
    const expected = sign(body, key)
    if (typeof expected === 'string') return timingSafeEqualString(received, expected)
    // Both encodings are compared every time so the answer's timing does not say which was sent.
    const hex = timingSafeEqualString(normaliseHex(received), bytesToHex(expected))
    const base64 = timingSafeEqualString(normaliseBase64(received), normaliseBase64(bytesToBase64(expected)))
    return hex || base64
  }
}

function toMatcher(algorithm: unknown): (key: string) => Matcher {
  if (typeof algorithm === 'function') return (key) => customMatcher(algorithm as HeaderSignFunction, key)
  if (isHeaderSignAlgorithm(algorithm)) return (key) => namedMatcher(algorithm, key)
  const names = HEADER_SIGN_ALGORITHMS.map((name) => `'${name}'`).join(', ')
  const given = algorithm === undefined ? 'no algorithm' : `unknown algorithm ${JSON.stringify(algorithm)}`
  throw new TypeError(
    `@airudder-webhooks/core: headerSign got ${given}; AIRudder does not publish one, so choose ${names}` +
      ' or pass a function (body, key) => signature',
  )
}

/** Checks the signature header against the raw body under any configured key. */
export function headerSign(options: HeaderSignOptions): SyncVerifier {
  const name = 'headerSign'
  const header = options.header ?? 'X-AIRudder-Sign'
  if (typeof header !== 'string' || header.length === 0) {
    throw new TypeError('@airudder-webhooks/core: headerSign `header` must be a non-empty header name')
  }
  new Headers().has(header) // throws now, not on the first delivery, when the name is not a valid header
  const matcherFor = toMatcher(options.algorithm)
  const keys = toKeyList(options.keys, name)
  const matchers = keys.map(matcherFor)
  return {
    name,
    verify(input) {
      const received = input.headers.get(header)
      if (received === null || received === '') return { ok: false, reason: `missing ${header} header` }
      const body = input.body
      if (!isBytes(body)) return { ok: false, reason: 'body is not raw bytes (Uint8Array)' }
      let keyIndex: number
      try {
        keyIndex = matchKey(keys, (_, index) => (matchers[index] as Matcher)(received, body))
      } catch {
        return { ok: false, reason: `${name} signature function threw` }
      }
      return keyIndex === -1
        ? { ok: false, reason: `${header} does not match` }
        : { ok: true, method: name, keyIndex }
    },
  }
}
