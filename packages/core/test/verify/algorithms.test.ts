import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  computeSignature,
  HEADER_SIGN_ALGORITHMS,
  type HeaderSignAlgorithm,
} from '../../src/verify/algorithms'
import { referenceSignature } from './reference'

const body = new TextEncoder().encode('{"event":"channel.message.sent","text":"héllo 鍵"}')
const key = 'k€y-secret'

describe('computeSignature', () => {
  it('lists exactly the documented algorithms', () => {
    expect([...HEADER_SIGN_ALGORITHMS].sort()).toEqual(Object.keys(referenceSignature).sort())
  })

  it.each(HEADER_SIGN_ALGORITHMS)('%s matches an independent implementation', (algorithm) => {
    expect(computeSignature(algorithm, body, key)).toBe(referenceSignature[algorithm](body, key))
  })

  it('matches RFC 4231 test case 2 for hmac-sha256', () => {
    const data = new TextEncoder().encode('what do ya want for nothing?')
    expect(computeSignature('hmac-sha256-hex', data, 'Jefe')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    )
  })

  it('gives different signatures for every construction, and for a changed body', () => {
    const all = HEADER_SIGN_ALGORITHMS.map((algorithm) => computeSignature(algorithm, body, key))
    expect(new Set(all).size).toBe(all.length)
    const tampered = new TextEncoder().encode('{"event":"channel.message.sent","text":"hello"}')
    for (const algorithm of HEADER_SIGN_ALGORITHMS) {
      expect(computeSignature(algorithm, tampered, key)).not.toBe(computeSignature(algorithm, body, key))
    }
  })

  it('signs an empty body', () => {
    const empty = new Uint8Array()
    expect(computeSignature('md5-key-body-hex', empty, 'airudder')).toBe(
      createHash('md5').update('airudder').digest('hex'),
    )
  })

  it('throws for an unknown algorithm', () => {
    expect(() => computeSignature('sha512-hex' as HeaderSignAlgorithm, body, key)).toThrow(TypeError)
  })
})
