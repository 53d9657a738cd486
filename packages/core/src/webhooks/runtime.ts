/**
 * @module
 * The state one `createWebhooks()` call owns, shared by its pipeline steps, and the answer type
 * every step returns (an HTTP status and a JSON body, without HTTP).
 */
import type { Definitions } from '../events/catalogue'
import type { InvalidEvent } from '../events/event'
import type { Registry } from '../events/registry'
import type { DriftReport } from '../schema/detect-drift'
import type { VerificationPolicy } from '../steps/verification'
import { ERROR_STATUS, type ErrorBody, type ErrorCode, type WebhookError } from './errors'
import type { IdempotencyStore } from './idempotency'
import type { Inbox } from './inbox-contract'
import type { Listeners } from './listeners'

export interface Logger {
  warn(message: string): void
  error(message: string): void
}

/** What AIRudder is answered: `200 {}` on success, an error body otherwise. */
export interface Answer {
  readonly status: number
  readonly body: Readonly<Record<string, never>> | ErrorBody
  /** Set when the delivery was a retry of an event already handled. */
  readonly duplicate?: true
  readonly headers?: Readonly<Record<string, string>>
}

export interface Runtime<D extends Definitions> {
  readonly registry: Registry<D>
  readonly policy: VerificationPolicy
  readonly listeners: Listeners
  readonly errorListeners: Set<(error: WebhookError<D>) => unknown>
  readonly invalidListeners: Set<(invalid: InvalidEvent) => unknown>
  /** Empty unless someone called `onDrift`: drift is only computed for listeners. */
  readonly driftListeners: Set<(report: DriftReport) => unknown>
  readonly idempotency: IdempotencyStore
  /** With an inbox, verified deliveries are stored and answered at once; the processor runs handlers. */
  readonly inbox: Inbox | undefined
  readonly processor: { notify(): void } | undefined
  readonly deadlineMs: number
  readonly maxBodyBytes: number
  readonly logger: Logger | undefined
}

export const OK: Answer = { status: 200, body: {} }

/** An error answer; its status comes from `ERROR_STATUS`. */
export function failure(code: ErrorCode, message: string, headers?: Record<string, string>): Answer {
  const status = ERROR_STATUS[code]
  return headers
    ? { status, body: { error: { code, message } }, headers }
    : { status, body: { error: { code, message } } }
}

/** Tells every `onError` listener; a listener that throws is logged, never rethrown. */
export async function report<D extends Definitions>(
  runtime: Runtime<D>,
  error: WebhookError<D>,
): Promise<void> {
  await Promise.all(
    [...runtime.errorListeners].map(async (listener) => {
      try {
        await listener(error)
      } catch (thrown) {
        runtime.logger?.error(`@airudder-webhooks/core: an onError listener threw: ${messageOf(thrown)}`)
      }
    }),
  )
}

/** A thrown value's message, without its stack. */
export function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown)
}
