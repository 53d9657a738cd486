import { describe, expect, it } from 'vitest'
import { ipAllowlist } from '../../src/verify/ip-allowlist'
import { makeInput } from './input'

const from = (ip?: string) => makeInput(ip === undefined ? { body: '{}' } : { body: '{}', ip })
const allowed = { ok: true, method: 'ipAllowlist' }
const refused = { ok: false, reason: 'client IP is not allowed' }

describe('ipAllowlist', () => {
  const verifier = ipAllowlist(['203.0.113.7', '10.0.0.0/8', '2001:db8::/32', ' 198.51.100.0/24 '])

  it('accepts listed addresses and ranges', () => {
    expect(verifier.name).toBe('ipAllowlist')
    for (const ip of ['203.0.113.7', '10.20.30.40', '2001:db8::5', '2001:DB8:1::', '198.51.100.200']) {
      expect(verifier.verify(from(ip)), ip).toEqual(allowed)
    }
  })

  it('refuses everything else', () => {
    for (const ip of ['203.0.113.8', '11.0.0.1', '2001:db9::1', '::1', '198.51.101.1']) {
      expect(verifier.verify(from(ip)), ip).toEqual(refused)
    }
  })

  it('matches IPv4-mapped IPv6 clients against IPv4 entries', () => {
    expect(verifier.verify(from('::ffff:203.0.113.7'))).toEqual(allowed)
    expect(verifier.verify(from('::FFFF:10.1.1.1'))).toEqual(allowed)
    expect(verifier.verify(from('::ffff:203.0.113.8'))).toEqual(refused)
  })

  it('ignores a zone id on the client address', () => {
    expect(ipAllowlist(['fe80::/10']).verify(from('fe80::1%eth0'))).toEqual(allowed)
  })

  it('fails when the client IP is unknown or not an address', () => {
    expect(verifier.verify(from())).toEqual({ ok: false, reason: 'client IP unknown' })
    expect(verifier.verify(from(''))).toEqual({ ok: false, reason: 'client IP unknown' })
    expect(verifier.verify(from('unknown'))).toEqual({
      ok: false,
      reason: 'client IP is not a valid address',
    })
  })

  it('allows every IPv4 client with /0, and IPv6 needs its own /0', () => {
    const ipv4 = ipAllowlist(['0.0.0.0/0'])
    expect(ipv4.verify(from('1.2.3.4'))).toEqual(allowed)
    expect(ipv4.verify(from('::ffff:1.2.3.4'))).toEqual(allowed)
    expect(ipv4.verify(from('2001:db8::1'))).toEqual(refused)
    expect(ipAllowlist(['::/0']).verify(from('1.2.3.4'))).toEqual(refused)
  })

  it('uses the given name as the verifier name and method', () => {
    const named = ipAllowlist(['10.0.0.0/8'], { name: 'airudderIps' })
    expect(named.name).toBe('airudderIps')
    expect(named.verify(from('10.0.0.1'))).toEqual({ ok: true, method: 'airudderIps' })
  })

  it('throws a clear TypeError for bad entries at construction', () => {
    expect(() => ipAllowlist([])).toThrow(
      new TypeError('@airudder-webhooks/core: ipAllowlist needs at least one address or CIDR range'),
    )
    expect(() => ipAllowlist(['10.0.0.0/8', 'example.com'])).toThrow(
      new TypeError(
        '@airudder-webhooks/core: ipAllowlist entry "example.com" is not an IPv4/IPv6 address or CIDR range',
      ),
    )
    expect(() => ipAllowlist(['10.0.0.0/40'])).toThrow(
      /entry "10.0.0.0\/40" has an invalid prefix length \(0 to 32\)/,
    )
    expect(() => ipAllowlist(['10.0.0.1/8'])).toThrow(/write the network address/)
    expect(() => ipAllowlist([42 as unknown as string])).toThrow('ipAllowlist entry 42 is not a string')
    expect(() => ipAllowlist('10.0.0.1' as unknown as string[])).toThrow(TypeError)
  })
})
