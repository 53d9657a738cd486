import { describe, expect, it } from 'vitest'
import { canonicalDecimal, decimal, idString, integer, openEnum } from '../src/schema/drift'

describe('decimal()', () => {
  it.each([
    ['20000.00', '20000'],
    [20000, '20000'],
    ['20310.50', '20310.5'],
    [20310.5, '20310.5'],
    ['+007.10', '7.1'],
    ['-0.00', '0'],
    ['.5', '0.5'],
    [1e21, '1000000000000000000000'],
    [1e-7, '0.0000001'],
    ['12345678901234567890.123456789', '12345678901234567890.123456789'],
    ['', ''],
  ])('normalises %j to %j', (input, expected) => {
    expect(decimal().parse(input)).toBe(expected)
  })

  it.each(['abc', '20,000.00', '1e5', '.', '-'])(
    'keeps the non-numeric text %j as sent, never rejects it',
    (input) => {
      expect(decimal().parse(input)).toBe(input)
    },
  )

  it.each([true, null, {}])('rejects %j, which is neither a number nor text', (input) => {
    expect(decimal().safeParse(input).success).toBe(false)
  })

  it('never rounds a long decimal string through a float', () => {
    expect(canonicalDecimal('0.1000000000000000055511151231257827')).toBe(
      '0.1000000000000000055511151231257827',
    )
  })
})

describe('integer()', () => {
  it.each([
    ['1668998317236', 1668998317236],
    [8, 8],
    ['8', 8],
    ['5.0', 5],
    ['-3', -3],
  ])('normalises %j to %j', (input, expected) => {
    expect(integer().parse(input)).toBe(expected)
  })

  it.each(['1.5', 1.5, '9007199254740993', '', 'x'])('rejects %j instead of rounding', (input) => {
    expect(integer().safeParse(input).success).toBe(false)
  })
})

describe('idString() and openEnum()', () => {
  it('turns numeric ids into strings and keeps strings', () => {
    expect(idString().parse(4585)).toBe('4585')
    expect(idString().parse('7777777.0')).toBe('7777777.0')
  })

  it('accepts known and unknown enum values alike', () => {
    const status = openEnum(['finished', 'cancelled'])
    expect(status.parse('cancelled')).toBe('cancelled')
    expect(status.parse('canceled')).toBe('canceled')
    expect(status.safeParse(3).success).toBe(false)
  })
})
