/**
 * @module
 * `optionsFromEnv(env)`: verification settings from environment variables, so a deployment (and
 * every example) is configured the same way:
 *
 * | variable | effect |
 * |---|---|
 * | `AIRUDDER_KEY` | KEY(s) for the md5 `Sign` checks, comma-separated for rotation (unset: AIRudder's public default `airudder`, with a warning at start-up) |
 * | `AIRUDDER_HEADER_ALGORITHM` | `X-AIRudder-Sign` construction for chatbot pushes, e.g. `hmac-sha256-hex` |
 * | `AIRUDDER_HEADER_KEY` | key(s) for that header (default: the `AIRUDDER_KEY` keys) |
 * | `AIRUDDER_URL_TOKEN` | secret `?token=` in the callback URL: the `'*'` rule, so it covers every push AIRudder does not sign (PDS, workflow status/list/custom API), `unknown` shapes, and chatbot pushes while no header algorithm is set |
 *
 * Types whose variable is unset stay unconfigured, so their deliveries are refused (401) rather
 * than accepted unchecked. Call completions and QA reports keep the md5 `Sign` either way.
 *
 * ```ts
 * const webhooks = createWebhooks(optionsFromEnv(process.env))
 * ```
 */
import { typesSignedWith } from './events/signing'
import type { VerificationOptions, VerifyRules } from './steps/verification'
import { HEADER_SIGN_ALGORITHMS, isHeaderSignAlgorithm } from './verify/algorithms'
import { headerSign } from './verify/header-sign'
import { urlToken } from './verify/url-token'

/** Types AIRudder signs with the `X-AIRudder-Sign` header, from the definitions' `signing`. */
const HEADER_SIGNED_TYPES = typesSignedWith('header-sign')
/** Types AIRudder does not sign at all (the URL token, `'*'`, covers them and `unknown`). */
const UNSIGNED_TYPES = [...typesSignedWith('unsigned'), 'unknown']

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean) ?? []

export function optionsFromEnv(env: Readonly<Record<string, string | undefined>>): VerificationOptions & {
  /** Which types stay unconfigured (and so refused), for a startup message. */
  readonly unconfigured: readonly string[]
} {
  const keys = list(env.AIRUDDER_KEY)
  // Unset stays unset, so createWebhooks() warns that the public default KEY is in use.
  const key = keys.length > 0 ? keys : undefined
  const verify: Record<string, NonNullable<VerifyRules[keyof VerifyRules]>> = {}
  const unconfigured: string[] = []

  const algorithm = env.AIRUDDER_HEADER_ALGORITHM?.trim()
  if (algorithm) {
    if (!isHeaderSignAlgorithm(algorithm)) {
      throw new TypeError(
        `@airudder-webhooks/core: AIRUDDER_HEADER_ALGORITHM must be one of ${HEADER_SIGN_ALGORITHMS.join(', ')}`,
      )
    }
    const headerKeys = list(env.AIRUDDER_HEADER_KEY)
    const verifier = headerSign({ algorithm, keys: headerKeys.length > 0 ? headerKeys : (key ?? 'airudder') })
    for (const type of HEADER_SIGNED_TYPES) verify[type] = verifier
  }

  const tokens = list(env.AIRUDDER_URL_TOKEN)
  // '*' comes after each type's built-in md5 `Sign`, so signed pushes keep their own check.
  if (tokens.length > 0) verify['*'] = urlToken({ tokens })
  else {
    if (!algorithm) unconfigured.push(...HEADER_SIGNED_TYPES)
    unconfigured.push(...UNSIGNED_TYPES)
  }

  return { key, verify: verify as VerifyRules, unconfigured }
}
