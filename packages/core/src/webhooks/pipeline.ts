/**
 * @module
 * One delivery from raw bytes to an answer, without HTTP: decode -> classify -> verify ->
 * validate -> receive. The Web handler and the Node bridge call it after the method, content
 * type and size checks; queues and replays can call it directly (`verifyAndReceive`).
 */

import type { Definitions } from '../events/catalogue'
import type { Ordering } from '../events/define-event'
import type { InvalidEvent, Verification } from '../events/event'
import { type DriftReport, detectDrift } from '../schema/detect-drift'
import { classify } from '../steps/classify'
import { decode } from '../steps/decode'
import { andThen, type MaybePromise } from '../steps/maybe-async'
import { validate } from '../steps/validate'
import { type Verified, type VerifyFailure, verifyWith } from '../steps/verify'
import { withDeadline } from './deadline'
import { WebhookError } from './errors'
import type { Inbox } from './inbox-contract'
import { receive } from './receive'
import { type Answer, errorText, failure, OK, type Runtime, report } from './runtime'

export interface Delivery<C = unknown> {
  /** The raw body exactly as received. */
  readonly body: Uint8Array | string
  readonly headers: Headers | Readonly<Record<string, string>>
  /** The full request URL (verifiers such as `urlToken` read its query). */
  readonly url: string
  /** The client IP, for `ipAllowlist`. */
  readonly ip?: string | undefined
  /** Handed to every handler as its second argument (e.g. Hono's `c`, Express's `{ req, res }`). */
  readonly context?: C | undefined
  readonly receivedAt?: Date | undefined
}

/** What the pipeline learnt of a delivery so far, for its telemetry. */
interface Seen {
  type?: string
  id?: string
}

export function verifyAndReceive<D extends Definitions, C>(
  runtime: Runtime<D>,
  delivery: Delivery<C>,
): MaybePromise<Answer> {
  const { telemetry } = runtime
  if (!telemetry) return pipeline(runtime, delivery, undefined)
  const scope = telemetry.delivery()
  const seen: Seen = {}
  const done = (answer: Answer): Answer => {
    const code = 'error' in answer.body ? answer.body.error.code : undefined
    scope.end({
      type: seen.type,
      id: seen.id,
      status: answer.status,
      code,
      duplicate: answer.duplicate === true,
    })
    return answer
  }
  const failed = (thrown: unknown): never => {
    scope.end({ type: seen.type, id: seen.id, status: 500, code: 'internal_error', duplicate: false })
    throw thrown
  }
  let answered: MaybePromise<Answer>
  try {
    answered = scope.run(() => pipeline(runtime, delivery, seen))
  } catch (thrown) {
    return failed(thrown)
  }
  return answered instanceof Promise ? answered.then(done, failed) : done(answered)
}

function pipeline<D extends Definitions, C>(
  runtime: Runtime<D>,
  delivery: Delivery<C>,
  seen: Seen | undefined,
): MaybePromise<Answer> {
  const decoded = decode(delivery)
  if (!decoded.ok) return failure(decoded.code, decoded.message)
  const classified = classify<D>(decoded, runtime.registry)
  if (seen) seen.type = classified.type
  return andThen(verifyWith(runtime.policy, classified), (verified) =>
    deliver(runtime, classified.type, verified, delivery.context, seen),
  )
}

function deliver<D extends Definitions, C>(
  runtime: Runtime<D>,
  type: string,
  verified: Verified<D> | VerifyFailure,
  context: C | undefined,
  seen: Seen | undefined,
): MaybePromise<Answer> {
  if (!verified.ok) {
    runtime.logger?.warn(
      { type, code: verified.code, reason: verified.message },
      '@airudder-webhooks/core: refused a delivery',
    )
    void report(runtime, new WebhookError(verified.code, verified.message))
    return failure(verified.code, verified.message)
  }
  // Drift is read from the body as sent, before validation normalises it in place.
  const drift =
    runtime.driftListeners.size > 0 && verified.definition
      ? detectDrift(verified.definition.schema, verified.json)
      : undefined
  const result = validate(verified)
  if (seen) seen.id = result.ok ? result.event.id : result.invalid.id
  if (drift !== undefined && drift.length > 0)
    reportDrift(runtime, drift, result.ok ? result.event : result.invalid)
  if (runtime.inbox) {
    const ordering = result.ok ? orderingOf(verified.definition?.ordering, result.event.payload) : undefined
    return store(runtime, runtime.inbox, result.ok ? result.event : result.invalid, verified.text, ordering)
  }
  if (!result.ok) return rejectInvalid(runtime, result.invalid, result.message)
  return receive(runtime, result.event, context as C)
}

/** Tells `onDrift` listeners which fields of a verified delivery drifted; a throwing listener is logged. */
function reportDrift<D extends Definitions>(
  runtime: Runtime<D>,
  fields: DriftReport['fields'],
  parsed: { readonly type: string; readonly id: string },
): void {
  const report = { type: parsed.type, id: parsed.id, fields }
  for (const listener of runtime.driftListeners) {
    try {
      const returned = listener(report)
      if (returned instanceof Promise) returned.catch((thrown) => driftListenerFailed(runtime, thrown))
    } catch (thrown) {
      driftListenerFailed(runtime, thrown)
    }
  }
}

function driftListenerFailed<D extends Definitions>(runtime: Runtime<D>, thrown: unknown): void {
  runtime.logger?.error({ error: errorText(thrown) }, '@airudder-webhooks/core: an onDrift listener threw')
}

function orderingOf(
  ordering: ((payload: never) => Ordering | undefined) | undefined,
  payload: unknown,
): Ordering | undefined {
  try {
    return ordering?.(payload as never)
  } catch {
    return undefined // a user's ordering function that throws orders nothing: the delivery is still stored
  }
}

/** Epoch seconds (AIRudder's PDS `timestamp`) or milliseconds, or a Date; `undefined` when unusable. */
function orderedAt(at: number | Date | undefined): Date | undefined {
  if (at instanceof Date) return Number.isNaN(at.getTime()) ? undefined : at
  if (typeof at !== 'number' || !Number.isFinite(at)) return undefined
  return new Date(at < 1e11 ? at * 1000 : at)
}

/**
 * Inbox mode: store first (valid or not, one row per id), answer at once, let the processor run handlers.
 * A store that fails or does not answer within `deadlineMs` (a database gone, locked or full) answers
 * `503 inbox_unavailable` so AIRudder retries: never `200` for something not stored. A store that
 * completes after the deadline makes the retry a duplicate, answered `200`.
 */
async function store<D extends Definitions>(
  runtime: Runtime<D>,
  inbox: Inbox,
  parsed: {
    readonly type: string
    readonly id: string
    readonly receivedAt: Date
    readonly verification: Verification
  },
  raw: string,
  ordering: Ordering | undefined,
): Promise<Answer> {
  const { id, type, receivedAt, verification } = parsed
  const trace = runtime.telemetry?.trace()
  const order = ordering ? { orderingKey: ordering.key, orderedAt: orderedAt(ordering.at) ?? receivedAt } : {}
  const entry = { id, type, raw, receivedAt, verification, ...order }
  const stored = await withDeadline(inbox.add(trace ? { ...entry, trace } : entry), runtime.deadlineMs)
  if (stored instanceof Error) {
    runtime.logger?.error(
      { id, type, error: errorText(stored) },
      '@airudder-webhooks/core: the inbox could not store a delivery; AIRudder is told to retry',
    )
    return failure('inbox_unavailable', 'The delivery could not be stored right now; AIRudder will retry', {
      'Retry-After': '60',
    })
  }
  if (stored === 'duplicate') return { ...OK, duplicate: true }
  runtime.processor?.notify()
  return OK
}

/**
 * A verified delivery missing a part its type promises is handed to `onInvalid` listeners; once
 * they have all taken it, AIRudder gets `200`. With no listener (or a failing one) it is answered
 * `400 invalid_payload`, which AIRudder retries (any answer but 2xx: a minute apart, five times,
 * then never), reported to `onError`, and logged in one line that names the missing paths (never
 * values) and how to keep such deliveries. With an inbox it never gets here: the inbox stores it.
 */
async function rejectInvalid<D extends Definitions>(
  runtime: Runtime<D>,
  invalid: InvalidEvent,
  message: string,
): Promise<Answer> {
  const listeners = [...runtime.invalidListeners]
  const failures = (await Promise.allSettled(listeners.map(async (listener) => listener(invalid)))).filter(
    (result) => result.status === 'rejected',
  )
  if (listeners.length > 0 && failures.length === 0) return OK
  const cause = failures[0]?.status === 'rejected' ? failures[0].reason : undefined
  const detail =
    cause === undefined ? 'no onInvalid listener took it' : `onInvalid failed: ${errorText(cause)}`
  runtime.logger?.error(
    { id: invalid.id, type: invalid.type, issues: message, detail },
    '@airudder-webhooks/core: a verified payload does not match its schema. Answered 400 so AIRudder ' +
      'retries it (5 times, a minute apart, then drops it); to keep such deliveries, add ' +
      'webhooks.onInvalid(listener) or an inbox (createWebhooks({ inbox })).',
  )
  await report(runtime, new WebhookError('invalid_payload', message, { invalid, cause }))
  return failure('invalid_payload', message)
}
