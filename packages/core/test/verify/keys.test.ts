import { describe, expect, it } from 'vitest'
import { matchKey, toKeyList } from '../../src/verify/keys'

describe('toKeyList', () => {
  it('turns one key or a list into a frozen list', () => {
    expect(toKeyList('k', 'md5Sign')).toEqual(['k'])
    const list = toKeyList(['a', 'b'], 'md5Sign')
    expect(list).toEqual(['a', 'b'])
    expect(Object.isFrozen(list)).toBe(true)
  })

  it('throws a TypeError naming the package and the verifier for no key', () => {
    expect(() => toKeyList([], 'md5Sign')).toThrow(
      new TypeError('@airudder-webhooks/core: md5Sign needs at least one key'),
    )
    expect(() => toKeyList(undefined, 'headerSign')).toThrow(
      '@airudder-webhooks/core: headerSign needs at least one key',
    )
    expect(() => toKeyList([], 'urlToken', 'token')).toThrow('urlToken needs at least one token')
  })

  it('throws for an empty or non-string key, naming its position but not the other keys', () => {
    expect(() => toKeyList('', 'md5Sign')).toThrow(TypeError)
    expect(() => toKeyList(['secret', ''], 'md5Sign')).toThrow(/md5Sign needs non-empty string keys \(key #1/)
    expect(() => toKeyList(['secret', ''], 'md5Sign')).not.toThrow(/secret/)
    expect(() => toKeyList([42] as unknown as string[], 'md5Sign')).toThrow(TypeError)
  })
})

describe('matchKey', () => {
  it('returns the index of the first passing key, or -1', () => {
    expect(matchKey(['a', 'b', 'c'], (key) => key === 'b')).toBe(1)
    expect(matchKey(['a', 'b', 'b'], (key) => key === 'b')).toBe(1)
    expect(matchKey(['a', 'b'], () => false)).toBe(-1)
  })

  it('tests every key even after a match', () => {
    const tried: string[] = []
    matchKey(['a', 'b', 'c'], (key) => {
      tried.push(key)
      return key === 'a'
    })
    expect(tried).toEqual(['a', 'b', 'c'])
  })
})
