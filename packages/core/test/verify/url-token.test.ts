import { describe, expect, it } from 'vitest'
import { urlToken } from '../../src/verify/url-token'
import { expectSafeFailure, makeInput } from './input'

const at = (url: string) => makeInput({ body: '{}', url })

describe('urlToken', () => {
  it('accepts the configured token from an absolute URL', () => {
    const verifier = urlToken({ tokens: 's3cret' })
    expect(verifier.name).toBe('urlToken')
    expect(verifier.verify(at('https://example.com/hooks?token=s3cret'))).toEqual({
      ok: true,
      method: 'urlToken',
      keyIndex: 0,
    })
  })

  it('accepts a path-only URL and decodes the query value', () => {
    const verifier = urlToken({ tokens: 'a b/c+d' })
    expect(verifier.verify(at('/hooks?x=1&token=a%20b%2Fc%2Bd'))).toMatchObject({ ok: true })
  })

  it('reads the configured parameter', () => {
    const verifier = urlToken({ param: 'key', tokens: 's3cret' })
    expect(verifier.verify(at('/hooks?key=s3cret'))).toMatchObject({ ok: true })
    expect(verifier.verify(at('/hooks?token=s3cret'))).toEqual({
      ok: false,
      reason: 'missing key query parameter',
    })
  })

  it('reports which rotated token matched', () => {
    const verifier = urlToken({ tokens: ['new', 'old'] })
    expect(verifier.verify(at('/hooks?token=old'))).toEqual({ ok: true, method: 'urlToken', keyIndex: 1 })
  })

  it('is case-sensitive and exact', () => {
    const verifier = urlToken({ tokens: 's3cret' })
    for (const url of ['/h?token=S3CRET', '/h?token=s3cre', '/h?token=s3cret0', '/h?token=%20s3cret']) {
      expect(verifier.verify(at(url))).toEqual({ ok: false, reason: 'token query parameter does not match' })
    }
  })

  it('fails with safe reasons', () => {
    const verifier = urlToken({ tokens: ['s3cret', 'older'] })
    expectSafeFailure(verifier.verify(at('/h?token=guess')), 'token query parameter does not match', [
      's3cret',
      'older',
      'guess',
    ])
    expect(verifier.verify(at('/h'))).toEqual({ ok: false, reason: 'missing token query parameter' })
    expect(verifier.verify(at('/h?token='))).toEqual({ ok: false, reason: 'missing token query parameter' })
    expect(verifier.verify(at('http://['))).toEqual({ ok: false, reason: 'request URL is not valid' })
  })

  it('refuses missing tokens or an empty parameter name at construction', () => {
    expect(() => urlToken({ tokens: [] })).toThrow(
      '@airudder-webhooks/core: urlToken needs at least one token',
    )
    expect(() => urlToken({ tokens: '' })).toThrow(TypeError)
    expect(() => urlToken({ param: '', tokens: 't' })).toThrow(TypeError)
  })

  it('answers each delivery on its own when one verifier sees a run of URLs', () => {
    const verifier = urlToken({ tokens: 's3cret' })
    const urls = [
      '/hooks?token=s3cret',
      '/hooks?token=s3cret',
      '/hooks?token=wrong',
      'http://[',
      '/hooks?token=s3cret',
    ]
    expect(urls.map((url) => verifier.verify(at(url)).ok)).toEqual([true, true, false, false, true])
  })
})
