import { describe, expect, it } from 'vitest'
import { customVerifier } from '../../src/verify/custom'
import { makeInput } from './input'

const input = makeInput({ body: '{}', headers: { 'x-gateway': 'ok' } })

describe('customVerifier', () => {
  it('turns a boolean into a result, synchronously', () => {
    const pass = customVerifier('gateway', (delivery) => delivery.headers.get('x-gateway') === 'ok')
    expect(pass.name).toBe('gateway')
    expect(pass.verify(input)).toEqual({ ok: true, method: 'gateway' })
    expect(customVerifier('gateway', () => false).verify(input)).toEqual({
      ok: false,
      reason: 'gateway rejected the delivery',
    })
  })

  it('passes a well-formed result through', () => {
    expect(customVerifier('mine', () => ({ ok: true, method: 'mine', keyIndex: 2 })).verify(input)).toEqual({
      ok: true,
      method: 'mine',
      keyIndex: 2,
    })
    expect(customVerifier('mine', () => ({ ok: false, reason: 'expired' })).verify(input)).toEqual({
      ok: false,
      reason: 'expired',
    })
  })

  it('fails closed on anything that is not true or a result', () => {
    const odd = [undefined, null, 1, 'true', {}, { ok: true }, { ok: 'yes', method: 'x' }]
    for (const answer of odd) {
      const verifier = customVerifier('odd', () => answer as unknown as boolean)
      expect(verifier.verify(input)).toEqual({ ok: false, reason: 'odd rejected the delivery' })
    }
  })

  it('awaits an async function', async () => {
    await expect(customVerifier('async', async () => true).verify(input)).resolves.toEqual({
      ok: true,
      method: 'async',
    })
    await expect(customVerifier('async', async () => false).verify(input)).resolves.toEqual({
      ok: false,
      reason: 'async rejected the delivery',
    })
  })

  it('never rethrows, and hides the error message', async () => {
    const sync = customVerifier('lookup', () => {
      throw new Error('key=super-secret')
    })
    expect(sync.verify(input)).toEqual({ ok: false, reason: 'lookup threw' })
    const rejected = customVerifier('lookup', () => Promise.reject(new Error('key=super-secret')))
    await expect(rejected.verify(input)).resolves.toEqual({ ok: false, reason: 'lookup threw' })
  })

  it('needs a name and a function', () => {
    expect(() => customVerifier('', () => true)).toThrow(TypeError)
    expect(() => customVerifier('x', undefined as unknown as () => boolean)).toThrow(
      '@airudder-webhooks/core: customVerifier "x" needs a function',
    )
  })
})
