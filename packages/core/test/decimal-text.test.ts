import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalDecimal, numberToDecimal } from '../src/schema/decimal-text'

/** The regular-expression definitions the one-pass functions replaced, kept as the oracle. */
const reference = {
  numberToDecimal(value: number): string {
    const text = String(value)
    const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
    if (!match) return text
    const [, sign = '', int = '', frac = '', exp = '0'] = match
    const digits = int + frac
    const point = int.length + Number(exp)
    if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
    if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`
    return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
  },
  canonicalDecimal(value: string | number): string | undefined {
    if (typeof value === 'number' && !Number.isFinite(value)) return undefined
    const text = typeof value === 'number' ? reference.numberToDecimal(value) : value.trim()
    const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text)
    if (!match) return undefined
    const [, sign, rawInt = '', rawFrac = ''] = match
    if (rawInt === '' && rawFrac === '') return undefined
    const int = rawInt.replace(/^0+(?=\d)/, '') || '0'
    const frac = rawFrac.replace(/0+$/, '')
    const body = frac ? `${int}.${frac}` : int
    return sign === '-' && body !== '0' ? `-${body}` : body
  },
}

/** Text made of the characters a decimal is written with, so most of it is near a decimal. */
const decimalish = fc
  .array(fc.constantFrom('0', '0', '1', '7', '9', '.', '+', '-', ' ', 'e', 'x', '\n'), { maxLength: 14 })
  .map((chars) => chars.join(''))

describe('canonicalDecimal and numberToDecimal', () => {
  it.each([
    ['20000.00', '20000'],
    ['20000', '20000'],
    ['20310.50', '20310.5'],
    ['0.5', '0.5'],
    ['+007.10', '7.1'],
    ['-0.00', '0'],
    ['-12.340', '-12.34'],
    ['1.', '1'],
    ['.5', '0.5'],
    [' 42 ', '42'],
    ['', undefined],
    ['.', undefined],
    ['+', undefined],
    ['1e5', undefined],
    ['20,000.00', undefined],
    [1e21, '1000000000000000000000'],
    [-1.5e-7, '-0.00000015'],
    [Number.NaN, undefined],
  ])('reads %j as %j', (input, expected) => {
    expect(canonicalDecimal(input)).toBe(expected)
  })

  it('agrees with the regular-expression definition on decimal-like text', () => {
    fc.assert(
      fc.property(decimalish, (text) => {
        expect(canonicalDecimal(text)).toBe(reference.canonicalDecimal(text))
      }),
      { numRuns: 20_000 },
    )
  })

  it('agrees with the regular-expression definition on every kind of double', () => {
    fc.assert(
      fc.property(fc.double(), (value) => {
        expect(numberToDecimal(value)).toBe(reference.numberToDecimal(value))
        expect(canonicalDecimal(value)).toBe(reference.canonicalDecimal(value))
      }),
      { numRuns: 20_000 },
    )
  })
})
