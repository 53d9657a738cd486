/**
 * @module
 * Wraps your own check (a shared header, an mTLS flag, a lookup) as a `Verifier`. A boolean
 * becomes a result; a throw or rejection becomes a failure whose reason never carries the
 * error's message, which could hold a key or a signature.
 *
 * ```ts
 * import { customVerifier } from '@airudder-webhooks/core'
 * const verifier = customVerifier('gatewayHeader', (input) => input.headers.get('x-gateway') === 'ok')
 * ```
 */
import { andThen } from '../steps/maybe-async'
import type { Verifier, VerifyInput, VerifyResult } from './types'

export type CustomVerify = (input: VerifyInput) => boolean | VerifyResult | Promise<boolean | VerifyResult>

/** Turns `fn`'s answer into a result. Synchronous functions stay synchronous. */
export function customVerifier(name: string, fn: CustomVerify): Verifier {
  if (typeof name !== 'string' || name.length === 0) {
    throw new TypeError('@airudder-webhooks/core: customVerifier needs a non-empty name')
  }
  if (typeof fn !== 'function') {
    throw new TypeError(`@airudder-webhooks/core: customVerifier ${JSON.stringify(name)} needs a function`)
  }
  const threw: VerifyResult = { ok: false, reason: `${name} threw` }
  const toResult = (answer: unknown): VerifyResult => {
    if (answer === true) return { ok: true, method: name }
    const result = answer as Partial<VerifyResult> | null
    if (result?.ok === true && typeof result.method === 'string') return result as VerifyResult
    if (result?.ok === false && typeof result.reason === 'string') return result as VerifyResult
    // `false`, and anything that is not a well-formed result, fails closed.
    return { ok: false, reason: `${name} rejected the delivery` }
  }
  return {
    name,
    verify(input) {
      let answer: ReturnType<CustomVerify>
      try {
        answer = fn(input)
      } catch {
        return threw
      }
      return andThen(answer, toResult, () => threw)
    },
  }
}
