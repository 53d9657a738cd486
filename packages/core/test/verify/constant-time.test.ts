import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { timingSafeEqual, timingSafeEqualString } from '../../src/verify/constant-time'

const bytes = (...values: number[]) => Uint8Array.from(values)

describe('timingSafeEqual', () => {
  it('is true only for identical bytes', () => {
    expect(timingSafeEqual(bytes(1, 2, 3), bytes(1, 2, 3))).toBe(true)
    expect(timingSafeEqual(bytes(), bytes())).toBe(true)
    expect(timingSafeEqual(bytes(1, 2, 3), bytes(1, 2, 4))).toBe(false)
    expect(timingSafeEqual(bytes(0, 2, 3), bytes(1, 2, 3))).toBe(false)
  })

  it('is false for different lengths, including a prefix and trailing zero bytes', () => {
    expect(timingSafeEqual(bytes(1, 2), bytes(1, 2, 3))).toBe(false)
    expect(timingSafeEqual(bytes(1, 2, 3), bytes(1, 2))).toBe(false)
    expect(timingSafeEqual(bytes(1, 2), bytes(1, 2, 0))).toBe(false)
    expect(timingSafeEqual(bytes(), bytes(0))).toBe(false)
  })

  it('reads every byte of the longer array when the lengths differ', () => {
    const reads: number[] = []
    const longer = new Proxy(bytes(9, 9, 9, 9), {
      get(target, property) {
        if (typeof property === 'string' && /^\d+$/.test(property)) reads.push(Number(property))
        return Reflect.get(target, property)
      },
    })
    expect(timingSafeEqual(bytes(1), longer)).toBe(false)
    expect(reads).toEqual([0, 1, 2, 3])
  })
})

describe('timingSafeEqualString', () => {
  it('compares UTF-8 bytes', () => {
    expect(timingSafeEqualString('abc', 'abc')).toBe(true)
    expect(timingSafeEqualString('abc', 'abd')).toBe(false)
    expect(timingSafeEqualString('é', 'é')).toBe(true)
    // Same UTF-16 length, different bytes: 'é' is two UTF-8 bytes.
    expect(timingSafeEqualString('é', 'e')).toBe(false)
    expect(timingSafeEqualString('ABC', 'abc')).toBe(false)
    expect(timingSafeEqualString('', '')).toBe(true)
  })

  it('answers exactly as comparing the UTF-8 bytes would, lone surrogates included', () => {
    const encoder = new TextEncoder()
    const sameBytes = (a: string, b: string) => Buffer.compare(encoder.encode(a), encoder.encode(b)) === 0
    // Any UTF-16 code units, so lone surrogates (which UTF-8 writes as U+FFFD) occur often.
    const units = fc.array(
      fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0xd800, 0xdc00, 0xfffd, 0x61)),
      { maxLength: 6 },
    )
    const text = units.map((codes) => String.fromCharCode(...codes))
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(timingSafeEqualString(a, b)).toBe(sameBytes(a, b))
        expect(timingSafeEqualString(a, a)).toBe(true)
      }),
      { numRuns: 2000 },
    )
    expect(timingSafeEqualString('a\ud800', 'a\udc00')).toBe(true)
    expect(timingSafeEqualString('a\ud800', 'a\ufffd')).toBe(true)
    expect(timingSafeEqualString('\ud83d\ude00', '\ufffd\ufffd')).toBe(false)
  })
})
