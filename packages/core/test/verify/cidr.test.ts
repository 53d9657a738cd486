import { describe, expect, it } from 'vitest'
import { networkContains, parseIp, parseNetwork, unmapIpv4 } from '../../src/verify/cidr'

const ip = (text: string) => Array.from(parseIp(text) ?? [])
const words = (...values: number[]) => values.flatMap((value) => [value >> 8, value & 0xff])

describe('parseIp', () => {
  it('parses IPv4', () => {
    expect(ip('0.0.0.0')).toEqual([0, 0, 0, 0])
    expect(ip('203.0.113.255')).toEqual([203, 0, 113, 255])
  })

  it('rejects malformed IPv4', () => {
    for (const text of [
      '',
      '1.2.3',
      '1.2.3.4.5',
      '256.0.0.1',
      '1.2.3.-4',
      '01.2.3.4',
      '1.2.3.4 ',
      '1..3.4',
      'a.b.c.d',
    ]) {
      expect(parseIp(text), text).toBeUndefined()
    }
  })

  it('parses IPv6, full and compressed', () => {
    expect(ip('2001:0db8:0000:0000:0000:0000:0000:0001')).toEqual(words(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1))
    expect(ip('2001:db8::1')).toEqual(words(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1))
    expect(ip('::')).toEqual(words(0, 0, 0, 0, 0, 0, 0, 0))
    expect(ip('::1')).toEqual(words(0, 0, 0, 0, 0, 0, 0, 1))
    expect(ip('fe80::')).toEqual(words(0xfe80, 0, 0, 0, 0, 0, 0, 0))
    expect(ip('1:2:3:4:5:6:7::')).toEqual(words(1, 2, 3, 4, 5, 6, 7, 0))
    expect(ip('::2:3:4:5:6:7:8')).toEqual(words(0, 2, 3, 4, 5, 6, 7, 8))
    expect(ip('1::8')).toEqual(words(1, 0, 0, 0, 0, 0, 0, 8))
    expect(ip('ABCD:EF01::')).toEqual(words(0xabcd, 0xef01, 0, 0, 0, 0, 0, 0))
  })

  it('parses IPv6 with an embedded IPv4 tail', () => {
    expect(ip('::ffff:1.2.3.4')).toEqual(words(0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304))
    expect(ip('64:ff9b::192.0.2.33')).toEqual(words(0x64, 0xff9b, 0, 0, 0, 0, 0xc000, 0x0221))
    expect(ip('0:0:0:0:0:ffff:1.2.3.4')).toEqual(words(0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304))
  })

  it('rejects malformed IPv6', () => {
    const bad = [
      ':',
      ':::',
      '1::2::3',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8::',
      '::1:2:3:4:5:6:7:8',
      ':1::',
      '1::2:',
      '12345::',
      'g::1',
      '::ffff:1.2.3',
      '::1.2.3.4:5',
      '1.2.3.4::',
      '::ffff:256.1.1.1',
      'fe80::1%eth0',
      '[::1]',
    ]
    for (const text of bad) expect(parseIp(text), text).toBeUndefined()
  })
})

describe('unmapIpv4', () => {
  it('turns ::ffff:a.b.c.d into IPv4 and leaves other addresses alone', () => {
    expect(Array.from(unmapIpv4(parseIp('::ffff:1.2.3.4')!))).toEqual([1, 2, 3, 4])
    expect(Array.from(unmapIpv4(parseIp('::ffff:102:304')!))).toEqual([1, 2, 3, 4])
    expect(unmapIpv4(parseIp('::1.2.3.4')!)).toHaveLength(16)
    expect(unmapIpv4(parseIp('1::ffff:1.2.3.4')!)).toHaveLength(16)
    expect(unmapIpv4(parseIp('1.2.3.4')!)).toHaveLength(4)
  })
})

describe('parseNetwork and networkContains', () => {
  const contains = (entry: string, address: string) => {
    const parsed = parseNetwork(entry)
    if (!parsed.ok) throw new Error(parsed.problem)
    return networkContains(parsed.network, unmapIpv4(parseIp(address)!))
  }

  it('treats a bare address as a /32 or /128', () => {
    expect(contains('10.1.2.3', '10.1.2.3')).toBe(true)
    expect(contains('10.1.2.3', '10.1.2.4')).toBe(false)
    expect(contains('2001:db8::1', '2001:db8:0:0::1')).toBe(true)
    expect(contains('2001:db8::1', '2001:db8::2')).toBe(false)
  })

  it('matches IPv4 prefixes, including ones that cut through a byte', () => {
    expect(contains('10.0.0.0/8', '10.255.255.255')).toBe(true)
    expect(contains('10.0.0.0/8', '11.0.0.0')).toBe(false)
    expect(contains('192.168.4.0/22', '192.168.7.255')).toBe(true)
    expect(contains('192.168.4.0/22', '192.168.8.0')).toBe(false)
    expect(contains('192.168.4.0/22', '192.168.3.255')).toBe(false)
    expect(contains('203.0.113.7/32', '203.0.113.7')).toBe(true)
    expect(contains('203.0.113.7/32', '203.0.113.6')).toBe(false)
    expect(contains('0.0.0.0/0', '255.255.255.255')).toBe(true)
  })

  it('matches IPv6 prefixes', () => {
    expect(contains('2001:db8::/32', '2001:db8:ffff::1')).toBe(true)
    expect(contains('2001:db8::/32', '2001:db9::1')).toBe(false)
    expect(contains('2001:db8:8000::/33', '2001:db8:ffff::')).toBe(true)
    expect(contains('2001:db8:8000::/33', '2001:db8:7fff::')).toBe(false)
    expect(contains('::/0', 'ffff::1')).toBe(true)
    expect(contains('::1/128', '::1')).toBe(true)
    expect(contains('::1/128', '::')).toBe(false)
  })

  it('never matches across families, except mapped addresses', () => {
    expect(contains('::/0', '1.2.3.4')).toBe(false)
    expect(contains('0.0.0.0/0', '::1')).toBe(false)
    expect(contains('1.2.3.0/24', '::ffff:1.2.3.9')).toBe(true)
    expect(contains('::ffff:1.2.3.0/120', '1.2.3.9')).toBe(true)
    expect(contains('::ffff:1.2.3.0/120', '1.2.4.9')).toBe(false)
    expect(contains('::ffff:0:0/96', '8.8.8.8')).toBe(true)
  })

  it('describes what is wrong with a bad entry', () => {
    const problem = (entry: string) => {
      const parsed = parseNetwork(entry)
      return parsed.ok ? undefined : parsed.problem
    }
    for (const entry of ['', 'localhost', '10.0.0.0/8/8', '/8', '10.0.0', '2001:db8::/32/1']) {
      expect(problem(entry), entry).toBe('is not an IPv4/IPv6 address or CIDR range')
    }
    for (const entry of ['10.0.0.0/33', '10.0.0.0/', '10.0.0.0/-1', '10.0.0.0/08', '10.0.0.0/a', '::/129']) {
      expect(problem(entry), entry).toMatch(/^has an invalid prefix length/)
    }
    expect(problem('10.0.0.0/33')).toBe('has an invalid prefix length (0 to 32)')
    expect(problem('::/129')).toBe('has an invalid prefix length (0 to 128)')
    expect(problem('10.0.0.1/8')).toBe('has bits set after its /8 prefix; write the network address')
    expect(problem('192.168.5.0/22')).toMatch(/bits set after its \/22 prefix/)
    expect(problem('2001:db8::1/32')).toMatch(/bits set after its \/32 prefix/)
    expect(problem('0.0.0.0/0')).toBeUndefined()
    expect(problem('1.2.3.4/32')).toBeUndefined()
  })
})
