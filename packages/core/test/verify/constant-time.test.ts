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
})
