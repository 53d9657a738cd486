/**
 * @module
 * Signature and origin checks for AIRudder deliveries. Each is a pure, synchronous function of
 * the delivery (raw bytes, headers, URL, client IP), usable without HTTP; every secret comparison
 * is constant-time and every keyed check accepts several keys for rotation.
 *
 * ```ts
 * import { headerSign, md5Sign } from '@airudder-webhooks/core'
 * md5Sign({ keys: ['new-key', 'old-key'] }).verify(input) // { ok: true, method: 'md5Sign', keyIndex: 1 }
 * headerSign({ algorithm: 'hmac-sha256-hex', keys: 'secret' }).verify(input)
 * ```
 */
export { computeSignature, HEADER_SIGN_ALGORITHMS, type HeaderSignAlgorithm } from './algorithms'
export { timingSafeEqual, timingSafeEqualString } from './constant-time'
export { type CustomVerify, customVerifier } from './custom'
export { type HeaderSignFunction, type HeaderSignOptions, headerSign } from './header-sign'
export { type IpAllowlistOptions, ipAllowlist } from './ip-allowlist'
export { type Md5SignOptions, md5Hex, md5Sign } from './md5-sign'
export type { SyncVerifier } from './sync-verifier'
export type * from './types'
export { type UrlTokenOptions, urlToken } from './url-token'
