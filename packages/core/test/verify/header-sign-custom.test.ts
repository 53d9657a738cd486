import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { headerSign } from '../../src/verify/header-sign'
import { fixtureText } from '../fixtures'
import { expectSafeFailure, makeInput } from './input'

const text = fixtureText('chatbot-channel-message-sent.json')
const signed = (sign: string) => makeInput({ body: text, headers: { 'X-AIRudder-Sign': sign } })

describe('headerSign with a custom function', () => {
  const digest = (body: Uint8Array, key: string) => createHmac('sha512', key).update(body).digest()

  it('compares a returned string exactly', () => {
    const verifier = headerSign({
      algorithm: (body, key) => `v1=${digest(body, key).toString('hex')}`,
      keys: 'k',
    })
    const sign = `v1=${createHmac('sha512', 'k').update(text).digest('hex')}`
    expect(verifier.verify(signed(sign))).toEqual({ ok: true, method: 'headerSign', keyIndex: 0 })
    expect(verifier.verify(signed(sign.toUpperCase()))).toMatchObject({ ok: false })
  })

  it('accepts hex (any case) or base64 of returned bytes', () => {
    const verifier = headerSign({
      algorithm: (body, key) => new Uint8Array(digest(body, key)),
      keys: ['a', 'k'],
    })
    const raw = createHmac('sha512', 'k').update(text).digest()
    for (const sign of [raw.toString('hex'), raw.toString('hex').toUpperCase(), raw.toString('base64')]) {
      expect(verifier.verify(signed(sign))).toEqual({ ok: true, method: 'headerSign', keyIndex: 1 })
    }
    expect(verifier.verify(signed(raw.toString('hex').slice(2)))).toMatchObject({ ok: false })
  })

  it('turns a throwing function into a failure that hides its message', () => {
    const verifier = headerSign({
      algorithm: () => {
        throw new Error('secret-key leaked')
      },
      keys: 'secret-key',
    })
    expectSafeFailure(verifier.verify(signed('abc')), 'headerSign signature function threw', ['secret-key'])
  })
})
