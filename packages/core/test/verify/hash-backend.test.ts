import { createHash, createHmac } from 'node:crypto'
import { bytesToHex } from '@noble/hashes/utils.js'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HEADER_SIGN_ALGORITHMS } from '../../src/verify/algorithms'
import { backendFor, type HashName, nativeBackend, nobleBackend } from '../../src/verify/hash-backend'
import { referenceSignature } from './reference'

const NAMES: readonly HashName[] = ['md5', 'sha1', 'sha256']
const body = new TextEncoder().encode('{"event":"channel.message.sent","text":"héllo 鍵"}')
const key = 'k€y-secret'

/** Loads a fresh copy of the module graph while `process.getBuiltinModule` is `replacement`. */
async function loadWith(replacement: unknown) {
  const descriptor = Object.getOwnPropertyDescriptor(process, 'getBuiltinModule')
  Object.defineProperty(process, 'getBuiltinModule', { value: replacement, configurable: true })
  try {
    vi.resetModules()
    const backend = await import('../../src/verify/hash-backend')
    const algorithms = await import('../../src/verify/algorithms')
    // The backend is decided on first use, so use every algorithm before restoring.
    for (const name of NAMES) backend.backendFor(name)
    return { backend, algorithms }
  } finally {
    if (descriptor) Object.defineProperty(process, 'getBuiltinModule', descriptor)
  }
}

afterEach(() => void vi.resetModules())

describe('hash backends', () => {
  const native = nativeBackend()

  it('finds node:crypto on Node and uses it for every algorithm', () => {
    expect(native?.name).toBe('native')
    for (const name of NAMES) expect(backendFor(name).name).toBe('native')
  })

  it.each(NAMES)('native and noble give the same %s digests (bytes and hex) and HMACs', (name) => {
    if (!native) throw new Error('no native backend')
    // Keys longer than the block size (64 bytes) are hashed first: cover both sides of that.
    const input = fc.tuple(fc.uint8Array({ maxLength: 9000 }), fc.uint8Array({ maxLength: 150 }))
    fc.assert(
      fc.property(input, ([data, secret]) => {
        expect(bytesToHex(native.hash(name, data))).toBe(bytesToHex(nobleBackend.hash(name, data)))
        expect(native.hashHex(name, data)).toBe(bytesToHex(nobleBackend.hash(name, data)))
        expect(nobleBackend.hashHex(name, data)).toBe(bytesToHex(nobleBackend.hash(name, data)))
        expect(bytesToHex(native.hmac(name, secret, data))).toBe(
          bytesToHex(nobleBackend.hmac(name, secret, data)),
        )
      }),
      { numRuns: 150 },
    )
  })

  it.each(NAMES)(
    'a keyed %s HMAC (key prepared once) signs every message as a one-shot HMAC does',
    (name) => {
      if (!native) throw new Error('no native backend')
      const input = fc.tuple(fc.uint8Array({ maxLength: 150 }), fc.array(fc.uint8Array({ maxLength: 3000 })))
      fc.assert(
        fc.property(input, ([secret, messages]) => {
          const keyed = [native.keyedHmac(name, secret), nobleBackend.keyedHmac(name, secret)]
          // The same prepared key, message after message: no state leaks from one to the next.
          for (const data of messages) {
            const expected = bytesToHex(nobleBackend.hmac(name, secret, data))
            for (const sign of keyed) expect(bytesToHex(sign(data))).toBe(expected)
          }
        }),
        { numRuns: 100 },
      )
    },
  )

  it('returns plain Uint8Arrays from both backends', () => {
    for (const backend of [native, nobleBackend]) {
      expect(Object.getPrototypeOf(backend?.hash('sha256', body))).toBe(Uint8Array.prototype)
      expect(Object.getPrototypeOf(backend?.hmac('md5', body, body))).toBe(Uint8Array.prototype)
    }
  })

  it('falls back to noble without node:crypto (edge runtimes), with the same signature for every algorithm', async () => {
    const { backend, algorithms } = await loadWith(undefined)
    for (const name of NAMES) expect(backend.backendFor(name).name).toBe('noble')
    for (const algorithm of HEADER_SIGN_ALGORITHMS) {
      expect(algorithms.computeSignature(algorithm, body, key)).toBe(referenceSignature[algorithm](body, key))
    }
  })

  it('keeps noble for an algorithm the native module refuses (md5 under FIPS)', async () => {
    const supported = (algorithm: string) => {
      if (algorithm === 'md5') throw new Error('digital envelope routines::unsupported')
      return algorithm
    }
    const fips = {
      createHash: (algorithm: string) => createHash(supported(algorithm)),
      createHmac: (algorithm: string, secret: Uint8Array) => createHmac(supported(algorithm), secret),
    }
    const { backend, algorithms } = await loadWith(() => fips)
    expect(backend.backendFor('md5').name).toBe('noble')
    expect(backend.backendFor('sha256').name).toBe('native')
    expect(algorithms.computeSignature('hmac-md5-hex', body, key)).toBe(
      referenceSignature['hmac-md5-hex'](body, key),
    )
  })

  it('keeps noble when the native module gives different bytes', async () => {
    const wrong = {
      createHash: () => ({ update: () => ({ digest: () => new Uint8Array(16) }) }),
      createHmac: () => ({ update: () => ({ digest: () => new Uint8Array(16) }) }),
    }
    const { backend } = await loadWith(() => wrong)
    for (const name of NAMES) expect(backend.backendFor(name).name).toBe('noble')
  })
})
