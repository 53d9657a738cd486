/**
 * @module
 * Every way a delivery can fail, with the HTTP status AIRudder gets and a message that is safe
 * to send (no stack trace, key or signature ever goes into one).
 */
import type { AirudderEvent, Definitions } from '../events/catalogue'
import type { InvalidEvent } from '../events/event'

export const ERROR_STATUS = {
  method_not_allowed: 405,
  unsupported_media_type: 415,
  payload_too_large: 413,
  malformed_json: 400,
  unreadable_body: 400,
  invalid_payload: 400,
  invalid_signature: 401,
  verifier_not_configured: 401,
  in_progress: 409,
  handler_failed: 500,
  body_already_parsed: 500,
  deadline_exceeded: 503,
  inbox_unavailable: 503,
  internal_error: 500,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string }
}

/** What `onError` listeners receive. `cause` is the handler's own error, kept on the server. */
export class WebhookError<D extends Definitions = []> extends Error {
  override readonly name = 'WebhookError'
  readonly code: ErrorCode
  readonly status: number
  /** The event, when the failure happened after it was parsed (handler failures, deadlines). */
  readonly event: AirudderEvent<D> | undefined
  /** The delivery that failed its schema (`invalid_payload`). */
  readonly invalid: InvalidEvent | undefined

  constructor(
    code: ErrorCode,
    message: string,
    details: { event?: AirudderEvent<D>; invalid?: InvalidEvent; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.code = code
    this.status = ERROR_STATUS[code]
    this.event = details.event
    this.invalid = details.invalid
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message } }
  }
}
