/**
 * @module
 * The verification step as the pipeline runs it: `verifyDelivery` without the promise when the
 * verifier answers synchronously (every built-in one does), so a delivery does not pay extra
 * turns of the microtask queue. Internal; `verifyDelivery` is the public form.
 */
import type { EventDefinition } from '../events/define-event'
import type { VerifyInput, VerifyResult } from '../verify/types'
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
    const message = `No verifier is configured for ${type}; set verify: { '${type}': … } (or '*') or opt out with false`
    return { ok: false, code: 'verifier_not_configured', message }
  }
  const threw = () => outcome({ ok: false, reason: `${rule.name} threw while checking the delivery` })
  let result: VerifyResult
  try {
    const answer = rule.verify(input)
    if (isPromiseLike(answer)) return Promise.resolve(answer).then(outcome, threw)
    result = answer
  } catch {
    return threw()
  }
  return outcome(result)
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function'
}

function outcome(result: VerifyResult): VerifyOutcome {
  if (!result.ok)
    return { ok: false, code: 'invalid_signature', message: `Verification failed: ${result.reason}` }
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
