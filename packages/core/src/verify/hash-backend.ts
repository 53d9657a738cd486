/**
 * @module
 * The one place that decides how digests are computed. Node, Bun and Deno expose their native
 * `crypto` through `process.getBuiltinModule`, several times faster than pure JS on a body of a
 * few KB (HMAC-SHA256 over 6.5 KB: ~5 µs native, ~35 µs in JS). Core must not import a Node
 * built-in (it is bundled for edge runtimes), so the module is looked up at run time; everywhere
 * else, and for any algorithm the native module refuses (md5 under FIPS) or gets wrong,
 * @noble/hashes computes the same bytes.
 *
 * ```ts
 * hmac('sha256', key, body) // Uint8Array, from whichever backend this runtime has
 * ```
 */
import { hmac as nobleHmac } from '@noble/hashes/hmac.js'
import { md5, sha1 } from '@noble/hashes/legacy.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'

export type HashName = 'md5' | 'sha1' | 'sha256'

export interface HashBackend {
  readonly name: 'native' | 'noble'
  hash(algorithm: HashName, data: Uint8Array): Uint8Array
  /** The digest as lowercase hex, made where the digest is (natively: no Buffer, no JS hex loop). */
  hashHex(algorithm: HashName, data: Uint8Array): string
  hmac(algorithm: HashName, key: Uint8Array, data: Uint8Array): Uint8Array
  /** HMAC under one key, its key material prepared once (not on every delivery). */
  keyedHmac(algorithm: HashName, key: Uint8Array): (data: Uint8Array) => Uint8Array
}

const nobleHashes = { md5, sha1, sha256 } as const

export const nobleBackend: HashBackend = {
  name: 'noble',
  hash: (algorithm, data) => nobleHashes[algorithm](data),
  hashHex: (algorithm, data) => bytesToHex(nobleHashes[algorithm](data)),
  hmac: (algorithm, key, data) => nobleHmac(nobleHashes[algorithm], key, data),
  keyedHmac: (algorithm, key) => {
    // The padded inner and outer states are computed once; each message starts from a copy.
    const prepared = nobleHmac.create(nobleHashes[algorithm], key)
    return (data) => prepared.clone().update(data).digest()
  },
}

/** The part of `node:crypto` used here (the same in Node, Bun and Deno). */
interface NodeCrypto {
  createHash(algorithm: string): NodeDigest
  createHmac(algorithm: string, key: Uint8Array | object): NodeDigest
  /** A `KeyObject` holding the key, so each HMAC skips copying and checking the key bytes. */
  createSecretKey?: (key: Uint8Array) => object
  /** One-shot digest (Node 20.12+, 21.7+): about a third cheaper than `createHash` for a short input. */
  hash?: NodeOneShot
}
interface NodeOneShot {
  (algorithm: string, data: Uint8Array, encoding: 'buffer'): Uint8Array
  (algorithm: string, data: Uint8Array, encoding: 'hex'): string
}
interface NodeDigest {
  update(data: Uint8Array): NodeDigest
  digest(): Uint8Array
  digest(encoding: 'hex'): string
}

/** A plain `Uint8Array` view of a Node `Buffer`, so callers never depend on Buffer's API. */
const view = (bytes: Uint8Array) => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/** The native backend, or `undefined` where the runtime has no `node:crypto` (edge, browsers). */
export function nativeBackend(): HashBackend | undefined {
  let crypto: Partial<NodeCrypto> | undefined
  try {
    const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    crypto = process?.getBuiltinModule?.('node:crypto') as Partial<NodeCrypto> | undefined
  } catch {
    return undefined
  }
  const { createHash, createHmac, createSecretKey, hash: oneShot } = crypto ?? {}
  if (typeof createHash !== 'function' || typeof createHmac !== 'function') return undefined
  return {
    name: 'native',
    hash:
      typeof oneShot === 'function'
        ? (algorithm, data) => view(oneShot(algorithm, data, 'buffer'))
        : (algorithm, data) => view(createHash(algorithm).update(data).digest()),
    hashHex:
      typeof oneShot === 'function'
        ? (algorithm, data) => oneShot(algorithm, data, 'hex')
        : (algorithm, data) => createHash(algorithm).update(data).digest('hex'),
    hmac: (algorithm, key, data) => view(createHmac(algorithm, key).update(data).digest()),
    keyedHmac: (algorithm, key) => {
      const secret = typeof createSecretKey === 'function' ? createSecretKey(key) : key.slice()
      return (data) => view(createHmac(algorithm, secret).update(data).digest())
    },
  }
}

/** Uses `native` for an algorithm only if it works and agrees with noble on a known input. */
function agrees(native: HashBackend, algorithm: HashName): boolean {
  const data = Uint8Array.of(0x61, 0x69, 0x72, 0x75, 0x64, 0x64, 0x65, 0x72) // "airudder"
  const key = data.subarray(0, 3)
  try {
    return (
      bytesToHex(native.hash(algorithm, data)) === bytesToHex(nobleBackend.hash(algorithm, data)) &&
      native.hashHex(algorithm, data) === nobleBackend.hashHex(algorithm, data) &&
      bytesToHex(native.hmac(algorithm, key, data)) === bytesToHex(nobleBackend.hmac(algorithm, key, data))
    )
  } catch {
    return false
  }
}

const chosen: Partial<Record<HashName, HashBackend>> = {}
let native: HashBackend | undefined | null = null

/** The backend this runtime uses for `algorithm`, decided on first use and then fixed. */
export function backendFor(algorithm: HashName): HashBackend {
  const known = chosen[algorithm]
  if (known) return known
  if (native === null) native = nativeBackend()
  const backend = native && agrees(native, algorithm) ? native : nobleBackend
  chosen[algorithm] = backend
  return backend
}

export function hash(algorithm: HashName, data: Uint8Array): Uint8Array {
  return backendFor(algorithm).hash(algorithm, data)
}

/** `bytesToHex(hash(algorithm, data))`, cheaper. */
export function hashHex(algorithm: HashName, data: Uint8Array): string {
  return backendFor(algorithm).hashHex(algorithm, data)
}

export function hmac(algorithm: HashName, key: Uint8Array, data: Uint8Array): Uint8Array {
  return backendFor(algorithm).hmac(algorithm, key, data)
}

/** `data => hmac(algorithm, key, data)`, with the key prepared once. */
export function keyedHmac(algorithm: HashName, key: Uint8Array): (data: Uint8Array) => Uint8Array {
  return backendFor(algorithm).keyedHmac(algorithm, key)
}
