/**
 * @module
 * Delivering one parsed event: skip it if it was handled already, run its handlers within the
 * deadline, and answer. A failed handler answers 500 so AIRudder retries; the reservation of the id is
 * released so the retry runs the handlers again (all of them: delivery is at-least-once).
 *
 * Deadline (`deadlineMs`, default 9 s, under AIRudder's 10 s): handlers still running then are
 * left running and AIRudder is answered `503 deadline_exceeded`, so it retries in a minute. The
 * retry is answered from the outcome: `200` if the handlers have succeeded meanwhile (no second
 * run), `409` while they are still running, and a fresh run if they failed. Nothing is lost
 * silently; `onError` hears of the slow delivery and of any later failure.
 */
import type { AirudderEvent, Definitions } from '../events/catalogue'
import { andThen, type MaybePromise } from '../steps/maybe-async'
import { dispatch } from './dispatch'
import { WebhookError } from './errors'
import { type Answer, failure, messageOf, OK, type Runtime, report } from './runtime'

export function receive<D extends Definitions, C>(
  runtime: Runtime<D>,
  event: AirudderEvent<D>,
  context: C,
): MaybePromise<Answer> {
  return andThen(runtime.idempotency.reserve(event.id), (reservation) => {
    if (reservation === 'done') return DUPLICATE
    if (reservation === 'in-flight') {
      return failure('in_progress', 'This event is being handled right now; retry later', {
        'Retry-After': '60',
      })
    }
    const handlers = runtime.listeners.for(event.type)
    return andThen(dispatch(handlers, event, context, runtime.deadlineMs), (result) => {
      if (result.kind === 'settled') return settle(runtime, event, result.failures)
      const message = `Handlers for ${event.type} are still running after ${runtime.deadlineMs} ms; retry later`
      void report(runtime, new WebhookError('deadline_exceeded', message, { event }))
      runtime.logger?.warn(`@airudder-webhooks/core: ${message} (id ${event.id})`)
      void result.settled.then((failures) => settle(runtime, event, failures))
      return failure('deadline_exceeded', message, { 'Retry-After': '60' })
    })
  })
}

const DUPLICATE: Answer = { ...OK, duplicate: true }

function settle<D extends Definitions>(
  runtime: Runtime<D>,
  event: AirudderEvent<D>,
  failures: readonly unknown[],
): MaybePromise<Answer> {
  if (failures.length > 0) return fail(runtime, event, failures)
  return andThen(runtime.idempotency.markDone(event.id), () => OK)
}

async function fail<D extends Definitions>(
  runtime: Runtime<D>,
  event: AirudderEvent<D>,
  failures: readonly unknown[],
): Promise<Answer> {
  await runtime.idempotency.release(event.id)
  for (const cause of failures) {
    runtime.logger?.error(
      `@airudder-webhooks/core: a handler for ${event.type} (id ${event.id}) failed: ${messageOf(cause)}`,
    )
    await report(
      runtime,
      new WebhookError('handler_failed', `A handler for ${event.type} failed`, { event, cause }),
    )
  }
  const count = failures.length === 1 ? 'A handler' : `${failures.length} handlers`
  return failure('handler_failed', `${count} failed for ${event.type}; AIRudder will retry`)
}
