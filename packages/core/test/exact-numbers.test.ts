import { describe, expect, it } from 'vitest'
import { exactJson } from '../src/events/exact-numbers'

const exact = (text: string) => exactJson(text, JSON.parse(text))

describe('exactJson', () => {
  it('keeps every digit of an integer beyond 2^53, wherever it is nested', () => {
    expect(exact('{"id":2123875204123456789,"a":[{"b":[-9007199254740993]}]}')).toEqual({
      id: '2123875204123456789',
      a: [{ b: ['-9007199254740993'] }],
    })
  })

  it('returns the parsed value itself when nothing was rounded', () => {
    const text = '{"id":9007199254740991,"amount":20310.5,"at":1744699269,"n":"12345678901234567890"}'
    const parsed = JSON.parse(text)
    expect(exactJson(text, parsed)).toBe(parsed)
  })

  it('keeps the digits of a fraction a double cannot hold', () => {
    expect(exact('{"amount":1234.12345678901234567}')).toEqual({ amount: '1234.12345678901234567' })
  })

  it('leaves a number that a double holds exactly as a number, even when long', () => {
    expect(exact('{"id":9007199254740992,"big":1234567890123456.5}')).toEqual({
      id: 9007199254740992,
      big: 1234567890123456.5,
    })
  })

  it('reads a long fraction that prints back short as the double it parses to, as any JSON reader', () => {
    expect(exact('{"amount":0.10000000000000000001}')).toEqual({ amount: 0.1 })
  })

  it('finds a rounded number under nesting too deep to walk', () => {
    const depth = 200_000
    const text = `${'['.repeat(depth)}12345678901234567890${']'.repeat(depth)}`
    let inner = exact(text)
    for (let level = 0; level < depth; level++) inner = (inner as unknown[])[0]
    expect(inner).toBe('12345678901234567890')
  })
})
