import { describe, expect, it } from 'vitest'
import * as verify from '../../src/verify/index'

describe('verify/index', () => {
  it('exports the verifiers and their helpers', () => {
    expect(Object.keys(verify).sort()).toEqual([
      'HEADER_SIGN_ALGORITHMS',
      'computeSignature',
      'customVerifier',
      'headerSign',
      'ipAllowlist',
      'md5Hex',
      'md5Sign',
      'timingSafeEqual',
      'timingSafeEqualString',
      'urlToken',
    ])
  })

  it('gives every built-in verifier the name it reports as its method', () => {
    const verifiers = [
      verify.md5Sign(),
      verify.headerSign({ algorithm: 'hmac-sha256-hex', keys: 'k' }),
      verify.urlToken({ tokens: 't' }),
      verify.ipAllowlist(['127.0.0.1']),
    ]
    expect(verifiers.map((verifier) => verifier.name)).toEqual([
      'md5Sign',
      'headerSign',
      'urlToken',
      'ipAllowlist',
    ])
  })
})
