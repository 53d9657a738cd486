/**
 * @module
 * Finds which supported construction produced a captured `X-AIRudder-Sign` value: every named
 * algorithm is checked with core's own `headerSign` verifier (so a match is exactly what the
 * receiver will accept), over the body as captured and, when it ends with a newline that an
 * editor or `echo` may have added, over the body without it.
 */

import { headerSign } from '@airudder-webhooks/core'
import { HEADER_SIGN_ALGORITHMS, type HeaderSignAlgorithm } from '@airudder-webhooks/core/schemas'

export interface SignatureMatch {
  readonly algorithm: HeaderSignAlgorithm
  /** `true` when it matched only once a trailing newline was removed from the body file. */
  readonly trimmed: boolean
}

export interface DetectInput {
  readonly body: Uint8Array
  readonly signature: string
  readonly key: string
}

function trailingNewlineRemoved(body: Uint8Array): Uint8Array | undefined {
  let end = body.length
  while (end > 0 && (body[end - 1] === 0x0a || body[end - 1] === 0x0d)) end--
  return end === body.length ? undefined : body.subarray(0, end)
}

function matching(body: Uint8Array, signature: string, key: string): HeaderSignAlgorithm[] {
  const headers = new Headers({ 'x-airudder-sign': signature.trim() })
  const input = { body, json: undefined, headers, url: 'http://localhost/' }
  return HEADER_SIGN_ALGORITHMS.filter((algorithm) => headerSign({ algorithm, keys: key }).verify(input).ok)
}

/** Every construction whose signature of the body under the key equals the captured one. */
export function detectSignature(input: DetectInput): SignatureMatch[] {
  const exact = matching(input.body, input.signature, input.key).map((algorithm) => ({
    algorithm,
    trimmed: false,
  }))
  if (exact.length > 0) return exact
  const trimmed = trailingNewlineRemoved(input.body)
  if (trimmed === undefined) return []
  return matching(trimmed, input.signature, input.key).map((algorithm) => ({ algorithm, trimmed: true }))
}
