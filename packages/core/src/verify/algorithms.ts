/**
 * @module
 * Candidate constructions for the `X-AIRudder-Sign` header. AIRudder does not publish its
 * algorithm, so the kit names the common ones and lets the user (or a CLI comparing a captured
 * delivery against each) pick. Every signature is computed over the raw body bytes.
 *
 * ```ts
 * import { HEADER_SIGN_ALGORITHMS } from '@airudder-webhooks/core/schemas'
 * import { computeSignature } from '@airudder-webhooks/core/testing'
 * const found = HEADER_SIGN_ALGORITHMS.filter((a) => computeSignature(a, body, key) === captured)
 * ```
 */
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js'
import { bytesToBase64 } from './encoding'
import { hash, hmac } from './hash-backend'

export const HEADER_SIGN_ALGORITHMS = [
  'hmac-sha256-hex',
  'hmac-sha256-base64',
  'hmac-sha1-hex',
  'hmac-sha1-base64',
  'hmac-md5-hex',
  'hmac-md5-base64',
  'md5-body-key-hex',
  'md5-key-body-hex',
  'sha256-body-key-hex',
  'sha256-key-body-hex',
] as const

/** A named construction: `hmac-<hash>-<encoding>`, or a plain hash over body and key concatenated. */
export type HeaderSignAlgorithm = (typeof HEADER_SIGN_ALGORITHMS)[number]

type Digest = (body: Uint8Array, key: Uint8Array) => Uint8Array

const digests: Readonly<Record<HeaderSignAlgorithm, Digest>> = {
  'hmac-sha256-hex': (body, key) => hmac('sha256', key, body),
  'hmac-sha256-base64': (body, key) => hmac('sha256', key, body),
  'hmac-sha1-hex': (body, key) => hmac('sha1', key, body),
  'hmac-sha1-base64': (body, key) => hmac('sha1', key, body),
  'hmac-md5-hex': (body, key) => hmac('md5', key, body),
  'hmac-md5-base64': (body, key) => hmac('md5', key, body),
  'md5-body-key-hex': (body, key) => hash('md5', concatBytes(body, key)),
  'md5-key-body-hex': (body, key) => hash('md5', concatBytes(key, body)),
  'sha256-body-key-hex': (body, key) => hash('sha256', concatBytes(body, key)),
  'sha256-key-body-hex': (body, key) => hash('sha256', concatBytes(key, body)),
}

export function isHeaderSignAlgorithm(value: unknown): value is HeaderSignAlgorithm {
  return typeof value === 'string' && (HEADER_SIGN_ALGORITHMS as readonly string[]).includes(value)
}

/** The text encoding an algorithm's signature is sent in. */
export function algorithmEncoding(algorithm: HeaderSignAlgorithm): 'hex' | 'base64' {
  return algorithm.endsWith('-base64') ? 'base64' : 'hex'
}

/**
 * The signature `algorithm` gives for `body` under `key` (UTF-8): lowercase hex, or standard
 * base64 with padding.
 */
export function computeSignature(algorithm: HeaderSignAlgorithm, body: Uint8Array, key: string): string {
  if (!isHeaderSignAlgorithm(algorithm)) {
    throw new TypeError(
      `@airudder-webhooks/core: unknown header signature algorithm ${JSON.stringify(algorithm)}`,
    )
  }
  const digest = digests[algorithm](body, utf8ToBytes(key))
  return algorithmEncoding(algorithm) === 'base64' ? bytesToBase64(digest) : bytesToHex(digest)
}
