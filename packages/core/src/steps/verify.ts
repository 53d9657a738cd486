/**
 * @module
 * Step 3, `verify`: the check `classify`'s type requires (the rules of `createWebhooks({ key,
 * verify })`), run against the raw bytes. It returns its input with `verification` added, what
 * `validate` takes, or a failure safe to send (no key, no signature):
 *
 * ```ts
 * const verified = await verify(classify(decoded), { key: ['new-key', 'old-key'] })
 * if (!verified.ok) console.log(verified.code, verified.message) // 'invalid_signature', …
 * ```
 * The pipeline calls `verifyWith`, which stays synchronous when the verifier is (every built-in one is).
 */
import type { Definitions } from '../events/catalogue'
import type { Verification } from '../events/event'
import type { VerifyResult } from '../verify/types'
import type { Classified } from './classify'
import type { StepFailure } from './decode'
import { unconfiguredHint, WRONG_HEADER_HINT, WRONG_KEY_HINT } from './fix-hints'
import { andThen, type MaybePromise } from './maybe-async'
import { createVerificationPolicy, type VerificationOptions, type VerificationPolicy } from './verification'

/** A delivery whose check passed (or was opted out): what `validate` takes. */
export type Verified<D extends Definitions = []> = Classified<D> & { readonly verification: Verification }

export type VerifyFailure = StepFailure<'invalid_signature' | 'verifier_not_configured'>

/** The same options object keeps its policy (its keys checked and its md5 verifier built once). */
const policies = new WeakMap<object, VerificationPolicy>()

/** Runs the check the delivery's type requires, under `createWebhooks`' `key` and `verify` options. */
export async function verify<D extends Definitions = []>(
  classified: Classified<D>,
  options: VerificationOptions<D> = {},
): Promise<Verified<D> | VerifyFailure> {
  let policy = policies.get(options)
  if (policy === undefined) {
    policy = createVerificationPolicy(options)
    policies.set(options, policy)
  }
  return verifyWith(policy, classified)
}

/** `verify` under a policy already built, synchronously when its verifier answers synchronously. */
export function verifyWith<D extends Definitions>(
  policy: VerificationPolicy,
  classified: Classified<D>,
): MaybePromise<Verified<D> | VerifyFailure> {
  const { type } = classified
  const rule = policy.resolve(type, classified.definition, classified.json)
  if (rule === false) return withVerification(classified, OPTED_OUT)
  if (rule === undefined) {
    const message = `No verifier is configured for ${type}: ${unconfiguredHint(type)}`
    return { ok: false, code: 'verifier_not_configured', message }
  }
  const threw = (): VerifyFailure => failed(rule.name, `${rule.name} threw while checking the delivery`)
  const outcome = (result: VerifyResult) => {
    if (!result.ok) return failed(rule.name, result.reason)
    const { method, keyIndex } = result
    return withVerification(
      classified,
      keyIndex === undefined ? { status: 'verified', method } : { status: 'verified', method, keyIndex },
    )
  }
  let answer: ReturnType<typeof rule.verify>
  try {
    // The classified delivery is the verifier's input as is: raw body, json, headers, url, ip.
    answer = rule.verify(classified)
  } catch {
    return threw()
  }
  return andThen(answer, outcome, threw)
}

const OPTED_OUT: Verification = { status: 'skipped', reason: 'opted-out' }

/** The classified delivery with its `verification` (written out: a spread is slow on Node 20's V8). */
export function withVerification<D extends Definitions>(
  classified: Classified<D>,
  verification: Verification,
): Verified<D> {
  const { body, text, json, headers, url, ip, receivedAt, type, definition, reason } = classified
  return {
    ok: true,
    body,
    text,
    json,
    headers,
    url,
    ip,
    receivedAt,
    type,
    definition,
    reason,
    verification,
  } as Verified<D>
}

/** What to do after a mismatch, by verifier (`fix-hints.ts`). */
const HINTS: Readonly<Record<string, string>> = { md5Sign: WRONG_KEY_HINT, headerSign: WRONG_HEADER_HINT }

function failed(verifier: string, reason: string): VerifyFailure {
  const hint = HINTS[verifier]
  return {
    ok: false,
    code: 'invalid_signature',
    message: `Verification failed: ${reason}${hint ? `; ${hint}` : ''}`,
  }
}
