/**
 * @module
 * `AirudderApiError`: what a failed pull-API call throws. It names the task and says what to do;
 * it never carries the token, the response body or any personal data from it.
 */

/**
 * - `unauthorized`: 401/403 even with a fresh token: check the token (or your token function).
 * - `rejected`: another 4xx, or a `code` other than 200 in the body: the request itself is wrong.
 * - `unavailable`: 429/5xx, a network error or a timeout, still failing after every retry.
 * - `invalid_response`: the answer is not the documented task detail.
 */
export type AirudderApiErrorCode = 'unauthorized' | 'rejected' | 'unavailable' | 'invalid_response'

export class AirudderApiError extends Error {
  override readonly name = 'AirudderApiError'
  readonly code: AirudderApiErrorCode
  readonly taskId: string
  /** The last HTTP status, when there was an answer. */
  readonly status: number | undefined
  /** Requests made, retries included. */
  readonly attempts: number

  constructor(
    code: AirudderApiErrorCode,
    message: string,
    details: { taskId: string; status?: number | undefined; attempts: number; cause?: unknown },
  ) {
    super(`@airudder-webhooks/client: ${message}`, { cause: details.cause })
    this.code = code
    this.taskId = details.taskId
    this.status = details.status
    this.attempts = details.attempts
  }
}
