/**
 * @module
 * Which check each event type must pass. Rules map a type, a wildcard (`'pds.*'`) or `'*'` to a
 * verifier, or to `false` to opt that type out explicitly. Lookup order:
 *
 * 1. the exact type (`'pds.contact.status'`, `'unknown'`),
 * 2. the wildcard of its first segment (`'pds.*'`),
 * 3. the type's built-in default: md5 `Sign` for call completions and QA reports, and for **any
 *    body that carries a `Sign` field**, whatever its shape (`unknown` included),
 * 4. `'*'`.
 *
 * A type with none of these is refused (`unknown` too): AIRudder does not sign the dialer
 * pushes, and the header algorithm is not published, so the kit never guesses. `'*'` is thus the
 * companion of the md5 `Sign`: `{ '*': urlToken(…) }` covers every unsigned push and `unknown`,
 * while signed ones keep md5.
 *
 * ```ts
 * const policy = createVerificationPolicy({
 *   key: ['new-key', 'old-key'],
 *   verify: { '*': urlToken({ tokens: process.env.AIRUDDER_URL_TOKEN! }), 'workflow.status.changed': false },
 * })
 * ```
 */
import type { Definitions, EventType, EventWildcard } from '../events/catalogue'
import type { EventDefinition } from '../events/define-event'
import { toKeyList } from '../verify/keys'
import { md5Sign } from '../verify/md5-sign'
import type { Verifier } from '../verify/types'

/** A type name, the wildcard of its first segment, or `'*'`. Misspelt names do not compile. */
export type VerifyTarget<D extends Definitions = []> = EventType<D> | EventWildcard<D>

export type VerifyRules<D extends Definitions = []> = { readonly [T in VerifyTarget<D>]?: Verifier | false }

export interface VerificationOptions<D extends Definitions = []> {
  /** AIRudder KEY(s) for the md5 `Sign` checks; several for rotation. Unset: the public default `'airudder'`, with a warning at start-up. */
  readonly key?: string | readonly string[] | undefined
  readonly verify?: VerifyRules<D> | undefined
}

export interface VerificationPolicy {
  readonly keys: readonly string[]
  /**
   * The rule for a type: a verifier, `false` (opted out), or `undefined` (nothing configured).
   * `json` is the parsed body: one that carries `Sign` defaults to the md5 check.
   */
  resolve(type: string, definition: EventDefinition | undefined, json?: unknown): Verifier | false | undefined
}

export function createVerificationPolicy<D extends Definitions = []>(
  options: VerificationOptions<D> = {},
): VerificationPolicy {
  const keys = toKeyList(options.key ?? 'airudder', 'createWebhooks({ key })')
  const rules = (options.verify ?? {}) as Readonly<Record<string, Verifier | false | undefined>>
  const defaults = new Map<EventDefinition, Verifier | false | undefined>()
  let signed: Verifier | undefined
  const signedBody = () => {
    signed ??= md5Sign({ keys })
    return signed
  }
  /** A definition's own default, else the md5 `Sign` check when AIRudder signs it that way. */
  const builtin = (definition: EventDefinition | undefined) => {
    if (definition === undefined) return undefined
    if (!defaults.has(definition)) {
      const verify = definition.verify
      const own = typeof verify === 'function' ? verify({ keys }) : verify
      defaults.set(definition, own ?? (definition.signing === 'md5-sign' ? signedBody() : undefined))
    }
    return defaults.get(definition)
  }
  return {
    keys,
    resolve(type, definition, json) {
      if (Object.hasOwn(rules, type)) return rules[type]
      // Runs on every delivery: the first segment is cut without splitting the whole type.
      const dot = type.indexOf('.')
      const wildcard = `${dot === -1 ? type : type.slice(0, dot)}.*`
      if (Object.hasOwn(rules, wildcard)) return rules[wildcard]
      const fallback = builtin(definition)
      if (fallback !== undefined) return fallback
      // A `Sign` is never ignored: whatever the shape, it must be md5(TaskID + KEY).
      if (carriesSign(json)) return signedBody()
      if (Object.hasOwn(rules, '*')) return rules['*']
      return undefined
    },
  }
}

function carriesSign(json: unknown): boolean {
  return (
    typeof json === 'object' &&
    json !== null &&
    (json as Record<string, unknown>).Sign !== undefined &&
    Object.hasOwn(json, 'Sign')
  )
}
