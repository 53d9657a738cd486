/**
 * @module
 * The verification step as the pipeline runs it: `verifyDelivery` without the promise when the
 * verifier answers synchronously (every built-in one does), so a delivery does not pay extra
 * turns of the microtask queue. Internal; `verifyDelivery` is the public form.
 */
import type { EventDefinition } from '../events/define-event'
import type { VerifyInput, VerifyResult } from '../verify/types'
import { unconfiguredHint, WRONG_HEADER_HINT, WRONG_KEY_HINT } from './fix-hints'
import type { VerificationPolicy, VerifyOutcome } from './verification'

/** The check a type requires, synchronously when its verifier is synchronous. */
export function checkDelivery(
  policy: VerificationPolicy,
  type: string,
  definition: EventDefinition | undefined,
  input: VerifyInput,
): VerifyOutcome | Promise<VerifyOutcome> {
  const rule = policy.resolve(type, definition, input.json)
  if (rule === false) return { ok: true, verification: { status: 'skipped', reason: 'opted-out' } }
  if (rule === undefined) {
    const message = `No verifier is configured for ${type}: ${unconfiguredHint(type)}`
    return { ok: false, code: 'verifier_not_configured', message }
  }
  const threw = () =>
    toOutcome(rule.name, { ok: false, reason: `${rule.name} threw while checking the delivery` })
  let result: VerifyResult
  try {
    const answer = rule.verify(input)
    if (isPromiseLike(answer))
      return Promise.resolve(answer).then((result) => toOutcome(rule.name, result), threw)
    result = answer
  } catch {
    return threw()
  }
  return toOutcome(rule.name, result)
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function'
}

const HINTS: Readonly<Record<string, string>> = { md5Sign: WRONG_KEY_HINT, headerSign: WRONG_HEADER_HINT }

function toOutcome(verifier: string, result: VerifyResult): VerifyOutcome {
  if (!result.ok) {
    const hint = HINTS[verifier]
    const message = `Verification failed: ${result.reason}${hint ? `; ${hint}` : ''}`
    return { ok: false, code: 'invalid_signature', message }
  }
  const { method, keyIndex } = result
  return {
    ok: true,
    verification:
      keyIndex === undefined ? { status: 'verified', method } : { status: 'verified', method, keyIndex },
  }
}

/** Runs the check a type requires. Failure messages are safe to send: no key, no signature. */
export async function verifyDelivery(
  policy: VerificationPolicy,
  type: string,
  definition: EventDefinition | undefined,
  input: VerifyInput,
): Promise<VerifyOutcome> {
  return checkDelivery(policy, type, definition, input)
}
