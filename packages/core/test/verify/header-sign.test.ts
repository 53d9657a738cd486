import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { HEADER_SIGN_ALGORITHMS, type HeaderSignAlgorithm } from '../../src/verify/algorithms'
import { headerSign } from '../../src/verify/header-sign'
import { fixtureText } from '../fixtures'
import { expectSafeFailure, makeInput } from './input'
import { referenceSignature } from './reference'

const text = fixtureText('chatbot-channel-message-sent.json')
const hmacHex = (key: string, body: string) => createHmac('sha256', key).update(body, 'utf8').digest('hex')
const hmacBase64 = (key: string, body: string) =>
  createHmac('sha256', key).update(body, 'utf8').digest('base64')
const signed = (sign: string, header = 'X-AIRudder-Sign') =>
  makeInput({ body: text, headers: { [header]: sign } })

describe('headerSign', () => {
  it('accepts a published chatbot push signed over its raw bytes', () => {
    const verifier = headerSign({ algorithm: 'hmac-sha256-hex', keys: 'secret' })
    expect(verifier.name).toBe('headerSign')
    expect(verifier.verify(signed(hmacHex('secret', text)))).toEqual({
      ok: true,
      method: 'headerSign',
      keyIndex: 0,
    })
  })

  it.each(HEADER_SIGN_ALGORITHMS)(
    '%s accepts its own signature and rejects another key or body',
    (algorithm) => {
      const body = new TextEncoder().encode(text)
      const verifier = headerSign({ algorithm, keys: 'secret' })
      expect(verifier.verify(signed(referenceSignature[algorithm](body, 'secret')))).toEqual({
        ok: true,
        method: 'headerSign',
        keyIndex: 0,
      })
      const failed = { ok: false, reason: 'X-AIRudder-Sign does not match' }
      expect(verifier.verify(signed(referenceSignature[algorithm](body, 'secreT')))).toEqual(failed)
      const tampered = new TextEncoder().encode(text.replace('}', ' }'))
      expect(verifier.verify(signed(referenceSignature[algorithm](tampered, 'secret')))).toEqual(failed)
    },
  )

  it('reads the header case-insensitively and compares hex case-insensitively', () => {
    const verifier = headerSign({ algorithm: 'hmac-sha256-hex', keys: 'secret' })
    const result = verifier.verify(signed(hmacHex('secret', text).toUpperCase(), 'x-airudder-sign'))
    expect(result).toEqual({ ok: true, method: 'headerSign', keyIndex: 0 })
  })

  it('accepts base64 with or without padding and in the URL-safe alphabet, but not in another case', () => {
    const verifier = headerSign({ algorithm: 'hmac-sha256-base64', keys: 'secret' })
    const base64 = hmacBase64('secret', text)
    expect(base64.endsWith('=')).toBe(true)
    const urlSafe = base64.replace(/\+/g, '-').replace(/\//g, '_')
    for (const sign of [base64, base64.replace(/=+$/, ''), urlSafe, urlSafe.replace(/=+$/, '')]) {
      expect(verifier.verify(signed(sign))).toEqual({ ok: true, method: 'headerSign', keyIndex: 0 })
    }
    const flipped = base64.replace(/[a-z]/, (letter) => letter.toUpperCase())
    expect(verifier.verify(signed(flipped))).toEqual({ ok: false, reason: 'X-AIRudder-Sign does not match' })
  })

  it('fails for a tampered body, even one that parses to the same JSON', () => {
    const verifier = headerSign({ algorithm: 'hmac-sha256-hex', keys: 'secret' })
    const sign = hmacHex('secret', text)
    const reencoded = JSON.stringify(JSON.parse(text))
    expect(reencoded).not.toBe(text)
    for (const body of [reencoded, text.replace('chatbot', 'robot'), `${text} `]) {
      const input = makeInput({ body, json: JSON.parse(text), headers: { 'X-AIRudder-Sign': sign } })
      expect(verifier.verify(input)).toEqual({ ok: false, reason: 'X-AIRudder-Sign does not match' })
    }
  })

  it('reports which rotated key matched', () => {
    const verifier = headerSign({ algorithm: 'hmac-sha256-hex', keys: ['new', 'old'] })
    expect(verifier.verify(signed(hmacHex('old', text)))).toEqual({
      ok: true,
      method: 'headerSign',
      keyIndex: 1,
    })
    expect(verifier.verify(signed(hmacHex('new', text)))).toEqual({
      ok: true,
      method: 'headerSign',
      keyIndex: 0,
    })
  })

  it('rejects a wrong signature with a reason that holds no key or signature', () => {
    const wrong = hmacHex('attacker', text)
    const result = headerSign({ algorithm: 'hmac-sha256-hex', keys: ['secret'] }).verify(signed(wrong))
    expectSafeFailure(result, 'X-AIRudder-Sign does not match', [wrong, hmacHex('secret', text), 'secret'])
  })

  it('names the configured header when it is missing or empty', () => {
    const verifier = headerSign({ header: 'X-Signature', algorithm: 'hmac-md5-hex', keys: 'k' })
    expect(verifier.verify(makeInput({ body: text }))).toEqual({
      ok: false,
      reason: 'missing X-Signature header',
    })
    expect(verifier.verify(signed('', 'X-Signature'))).toEqual({
      ok: false,
      reason: 'missing X-Signature header',
    })
    expect(verifier.verify(signed(hmacHex('k', text)))).toEqual({
      ok: false,
      reason: 'missing X-Signature header',
    })
    const defaults = headerSign({ algorithm: 'hmac-md5-hex', keys: 'k' })
    expect(defaults.verify(makeInput({ body: text }))).toEqual({
      ok: false,
      reason: 'missing X-AIRudder-Sign header',
    })
  })

  it('refuses a body that is not raw bytes', () => {
    const input = { ...signed('abc'), body: text as unknown as Uint8Array }
    const verifier = headerSign({ algorithm: 'hmac-sha256-hex', keys: 'k' })
    expect(verifier.verify(input)).toEqual({ ok: false, reason: 'body is not raw bytes (Uint8Array)' })
  })

  it('requires a known algorithm at construction, listing the valid names', () => {
    const missing = () => headerSign({ keys: 'k' } as unknown as Parameters<typeof headerSign>[0])
    expect(missing).toThrow(TypeError)
    expect(missing).toThrow(/headerSign got no algorithm/)
    for (const name of HEADER_SIGN_ALGORITHMS) expect(missing).toThrow(`'${name}'`)
    const unknown = () => headerSign({ algorithm: 'sha512' as HeaderSignAlgorithm, keys: 'k' })
    expect(unknown).toThrow(/unknown algorithm "sha512"/)
  })

  it('requires keys and a valid header name at construction', () => {
    expect(() => headerSign({ algorithm: 'hmac-sha1-hex', keys: [] })).toThrow(
      'headerSign needs at least one key',
    )
    expect(() => headerSign({ algorithm: 'hmac-sha1-hex', keys: '' })).toThrow(TypeError)
    expect(() => headerSign({ header: '', algorithm: 'hmac-sha1-hex', keys: 'k' })).toThrow(TypeError)
    expect(() => headerSign({ header: 'bad header', algorithm: 'hmac-sha1-hex', keys: 'k' })).toThrow(
      TypeError,
    )
  })
})
