/**
 * @module
 * `defineEvent` describes one AIRudder push: how to recognise it from its shape, its zod
 * schema, how it is verified by default and how its idempotency id is derived. The built-in
 * catalogue is written with it, and users add pushes the kit does not know yet (or override a
 * built-in one) the same way, with the same typing.
 *
 * ```ts
 * const collectionCall = defineEvent({
 *   type: 'collection.call.completed',
 *   matches: { CaseID: 'string', CallID: 'string', Intention: 'string' },
 *   schema: z.looseObject({ CaseID: z.string(), CallID: z.string(), Intention: z.string() }),
 *   verify: md5Sign({ field: 'CallID' }),
 *   signing: 'md5-sign',
 *   id: (payload) => payload.CallID,
 * })
 * ```
 */
import type { z } from 'zod'
import type { Verifier } from '../verify/types'

/** What a field must be for a shape to match; `'id'` is a string or a number (identifiers drift);
 * `{ equals }` pins a discriminating value. */
export type FieldKind =
  | 'string'
  | 'id'
  | 'number'
  | 'boolean'
  | 'array'
  | 'object'
  | { readonly equals: string | number }

/** Required fields by (dotted) path, e.g. `{ workflow_id: 'string', 'pds.type': { equals: 'ContactStatus' } }`. */
export type Shape = Readonly<Record<string, FieldKind>>

/** A shape, any of several shapes, or a predicate over the parsed JSON body. */
export type Matcher = Shape | readonly Shape[] | ((json: Readonly<Record<string, unknown>>) => boolean)

/** The verifier a type uses unless the user configures another; a factory receives the configured KEYs. */
export type DefaultVerify = Verifier | ((context: { readonly keys: readonly string[] }) => Verifier) | false

/**
 * How AIRudder signs a push: the body's md5 `Sign` field, the `X-AIRudder-Sign` header, or not at
 * all. Environment options, the test signer, the CLI and the docs table all read it from here.
 */
export type Signing = 'md5-sign' | 'header-sign' | 'unsigned'

/** Human-readable facts for the README's event table and generated docs. */
export interface EventDocs {
  /** AIRudder's name for the push. */
  readonly push: string
  /** How the idempotency id is derived. */
  readonly id: string
}

/** An event's ordering key and the time it happened (epoch milliseconds, epoch seconds, or a Date). */
export interface Ordering {
  readonly key: string
  readonly at?: number | Date | undefined
}

export interface EventDefinition<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  readonly type: TType
  readonly matches: Matcher
  readonly schema: TSchema
  /** How AIRudder signs it. `md5-sign` also makes the md5 `Sign` check the type's default. */
  readonly signing?: Signing | undefined
  /** Default check; `false` opts this type out of verification. Omitted: `md5-sign` types check the md5 `Sign`, others need one configured. */
  readonly verify?: DefaultVerify | undefined
  /** Stable idempotency key from the payload; `undefined` falls back to a hash of the raw body. */
  readonly id?: ((payload: z.output<TSchema>) => string | undefined) | undefined
  /**
   * Events of one ordering key run one at a time in an inbox, oldest first by `at` (the payload's
   * own time; the time received when absent), while other keys run concurrently: e.g. a call's
   * states by `callid`. `undefined`: no ordering for this payload.
   */
  readonly ordering?: ((payload: z.output<TSchema>) => Ordering | undefined) | undefined
  readonly docs?: EventDocs | undefined
}

/** Declares an event type; returns the definition unchanged, typed for `createRegistry`/`parse`. */
export function defineEvent<const TType extends string, TSchema extends z.ZodType>(
  definition: EventDefinition<TType, TSchema>,
): EventDefinition<TType, TSchema> {
  if (typeof definition.type !== 'string' || definition.type.length === 0 || definition.type === 'unknown') {
    throw new TypeError('@airudder-webhooks/core: defineEvent needs a non-empty `type` other than "unknown"')
  }
  if (definition.schema === undefined || typeof definition.schema.safeParse !== 'function') {
    throw new TypeError(`@airudder-webhooks/core: defineEvent('${definition.type}') needs a zod \`schema\``)
  }
  return definition
}
