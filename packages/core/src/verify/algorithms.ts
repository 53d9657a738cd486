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
import { hash, keyedHmac } from './hash-backend'

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

/** The digest of a body under one key, with the key's bytes (and HMAC state) prepared once. */
type Digest = (body: Uint8Array) => Uint8Array

const prepare: Readonly<Record<HeaderSignAlgorithm, (key: Uint8Array) => Digest>> = {
  'hmac-sha256-hex': (key) => keyedHmac('sha256', key),
  'hmac-sha256-base64': (key) => keyedHmac('sha256', key),
  'hmac-sha1-hex': (key) => keyedHmac('sha1', key),
  'hmac-sha1-base64': (key) => keyedHmac('sha1', key),
  'hmac-md5-hex': (key) => keyedHmac('md5', key),
  'hmac-md5-base64': (key) => keyedHmac('md5', key),
  'md5-body-key-hex': (key) => (body) => hash('md5', concatBytes(body, key)),
  'md5-key-body-hex': (key) => (body) => hash('md5', concatBytes(key, body)),
  'sha256-body-key-hex': (key) => (body) => hash('sha256', concatBytes(body, key)),
  'sha256-key-body-hex': (key) => (body) => hash('sha256', concatBytes(key, body)),
}

export function isHeaderSignAlgorithm(value: unknown): value is HeaderSignAlgorithm {
  return typeof value === 'string' && (HEADER_SIGN_ALGORITHMS as readonly string[]).includes(value)
}

/** The text encoding an algorithm's signature is sent in. */
export function algorithmEncoding(algorithm: HeaderSignAlgorithm): 'hex' | 'base64' {
  return algorithm.endsWith('-base64') ? 'base64' : 'hex'
}

function checked(algorithm: HeaderSignAlgorithm): HeaderSignAlgorithm {
  if (!isHeaderSignAlgorithm(algorithm)) {
    throw new TypeError(
      `@airudder-webhooks/core: unknown header signature algorithm ${JSON.stringify(algorithm)}`,
    )
  }
  return algorithm
}

/**
 * `body => computeSignature(algorithm, body, key)` with the key imported once: verifiers build one
 * per configured key, so no delivery pays for encoding the key or setting up the HMAC.
 */
export function signerFor(algorithm: HeaderSignAlgorithm, key: string): (body: Uint8Array) => string {
  const digest = prepare[checked(algorithm)](utf8ToBytes(key))
  return algorithmEncoding(algorithm) === 'base64'
    ? (body) => bytesToBase64(digest(body))
    : (body) => bytesToHex(digest(body))
}

/**
 * The signature `algorithm` gives for `body` under `key` (UTF-8): lowercase hex, or standard
 * base64 with padding.
 */
export function computeSignature(algorithm: HeaderSignAlgorithm, body: Uint8Array, key: string): string {
  return signerFor(algorithm, key)(body)
}
