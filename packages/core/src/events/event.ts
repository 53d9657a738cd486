/**
 * @module
 * The event object every handler receives: `{ type, id, receivedAt, payload, raw, verification }`.
 */

/** Which check let the delivery in; never the key or the signature itself. */
export type Verification =
  | { readonly status: 'verified'; readonly method: string; readonly keyIndex?: number }
  | {
      readonly status: 'skipped'
      /** `opted-out`: the user set `verify: false` for this type (or `'*'`); `not-checked`: parsed
       * without verification (`parse()`). */
      readonly reason: 'opted-out' | 'not-checked'
    }

export interface WebhookEvent<TType extends string, TPayload> {
  readonly type: TType
  /** Stable idempotency key: the same delivery retried has the same id (see each type's docs). */
  readonly id: string
  readonly receivedAt: Date
  /** The validated, normalised payload with AIRudder's own field names. */
  readonly payload: TPayload
  /** The body exactly as received (UTF-8 text). */
  readonly raw: string
  readonly verification: Verification
}

/** A body whose shape no definition recognised; `payload` is the parsed JSON as is. */
export interface UnknownEvent extends WebhookEvent<'unknown', unknown> {
  /** Why no event type matched. */
  readonly reason: string
}

/** One schema problem, with the JSON path of the field (`Details.0.Status`). */
export interface SchemaIssue {
  readonly path: string
  readonly message: string
}

/**
 * A delivery that was recognised as `type` but failed that type's schema. It is not dropped:
 * handlers never see it, but `onInvalid`/`onError` and a durable inbox do.
 */
export interface InvalidEvent {
  readonly type: string
  readonly id: string
  readonly receivedAt: Date
  /** The parsed JSON, unvalidated. */
  readonly json: unknown
  readonly raw: string
  readonly verification: Verification
  readonly issues: readonly SchemaIssue[]
}
