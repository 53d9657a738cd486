/**
 * @module
 * Processing one inbox entry: rebuild its event from the stored raw body (same registry, same
 * stored verification), run its handlers with `{ entry, tx }`, and settle the entry: done, pending
 * again after a backoff, or dead with the last error. A transactional inbox runs the handlers in
 * the transaction that marks the entry done. A payload that fails its schema goes to `onInvalid`
 * listeners; with none, it is dead at once (a retry cannot fix it; requeue it after adding one).
 */
import type { AirudderEvent, Definitions } from '../events/catalogue'
import { personalValues, redactText } from '../logging/redact'
import { classify } from '../steps/classify'
import { decode } from '../steps/decode'
import { validate } from '../steps/validate'
import { withVerification } from '../steps/verify'
import { WebhookError } from '../webhooks/errors'
import type { Inbox, InboxContext, InboxEntry, TransactionalInbox } from '../webhooks/inbox-contract'
import { messageOf, type Runtime, report } from '../webhooks/runtime'
import { type RetryOptions, retryDelay, sleep } from './backoff'

export interface ProcessEntryOptions {
  readonly maxAttempts: number
  readonly retry: RetryOptions
}

function isTransactional(inbox: Inbox): inbox is TransactionalInbox<unknown> {
  return typeof (inbox as Partial<TransactionalInbox<unknown>>).transact === 'function'
}

async function settleAll(tasks: readonly (() => unknown)[]): Promise<unknown[]> {
  const results = await Promise.allSettled(tasks.map(async (task) => task()))
  return results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []))
}

export async function processEntry<D extends Definitions>(
  runtime: Runtime<D>,
  inbox: Inbox,
  entry: InboxEntry,
  options: ProcessEntryOptions,
): Promise<void> {
  const { verification, receivedAt } = entry
  const decoded = decode({ body: entry.raw, receivedAt })
  if (!decoded.ok) {
    return settle(runtime, inbox, entry, { dead: `stored body is not JSON: ${decoded.message}` }, options)
  }
  const result = validate<D>(withVerification(classify<D>(decoded, runtime.registry), verification))

  if (!result.ok) {
    const listeners = [...runtime.invalidListeners]
    if (listeners.length === 0) {
      const issues = result.invalid.issues
        .map((issue) => `${issue.path || '(root)'}: ${issue.message}`)
        .join('; ')
      const message = `The payload does not match ${entry.type} (${issues}) and no onInvalid listener takes it`
      await report(runtime, new WebhookError('invalid_payload', message, { invalid: result.invalid }))
      return settle(runtime, inbox, entry, { dead: message }, options)
    }
    const failures = await settleAll(listeners.map((listener) => () => listener(result.invalid)))
    return settle(runtime, inbox, entry, { failures }, options)
  }

  const { event } = result
  const run = async (tx: unknown) => {
    const context: InboxContext<unknown> = { entry, tx }
    const handlers = runtime.listeners.for(event.type)
    const runAll = () => settleAll(handlers.map((handler) => () => handler(event, context)))
    const scope = runtime.telemetry?.handlers({
      type: event.type,
      id: event.id,
      attempt: entry.attempts,
      trace: entry.trace,
    })
    const failures = scope ? await scope.run(runAll) : await runAll()
    scope?.end({ failures: failures.length })
    for (const cause of failures) await reportFailure(runtime, event, cause)
    return failures
  }
  if (!isTransactional(inbox))
    return settle(runtime, inbox, entry, { failures: await run(undefined) }, options)

  let failures: unknown[] = []
  let outcome: 'done' | 'rolled_back' | 'lost'
  try {
    outcome = await inbox.transact(entry, async (tx) => {
      failures = await run(tx)
      return failures.length === 0
    })
  } catch (thrown) {
    // The handlers' work was rolled back with it: a failed attempt like any other.
    failures = [new Error(`the inbox transaction did not commit: ${messageOf(thrown)}`, { cause: thrown })]
    outcome = 'rolled_back'
  }
  if (outcome === 'done') return
  if (outcome === 'lost') return warnLost(runtime, entry)
  return settle(runtime, inbox, entry, { failures }, options)
}

function reportFailure<D extends Definitions>(runtime: Runtime<D>, event: AirudderEvent<D>, cause: unknown) {
  return report(
    runtime,
    new WebhookError('handler_failed', `A handler for ${event.type} failed`, { event, cause }),
  )
}

function warnLost<D extends Definitions>(runtime: Runtime<D>, entry: InboxEntry): void {
  runtime.logger?.warn(
    { id: entry.id, type: entry.type, attempts: entry.attempts },
    '@airudder-webhooks/core: an inbox entry was taken over by another processor after its lease ' +
      'ran out; this run was not recorded. Raise processing.leaseMs above your slowest handler.',
  )
}

/** Attempts at recording a run done while the store refuses writes, and the backoff between them (≈ 10 s in all). */
const COMPLETE_ATTEMPTS = 8
const COMPLETE_RETRY: RetryOptions = { baseMs: 250, maxMs: 2000 }

/**
 * Marks the entry done, retrying while the store refuses the write (a SQLite file locked by another
 * process, a database restarting). The handlers have already run: giving up here would leave the
 * entry to be claimed again when its lease runs out, and run twice. The last failure is thrown.
 */
async function completeOnceStored<D extends Definitions>(
  runtime: Runtime<D>,
  inbox: Inbox,
  entry: InboxEntry,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inbox.complete(entry)
    } catch (thrown) {
      if (attempt >= COMPLETE_ATTEMPTS) throw thrown
      runtime.logger?.warn(
        { id: entry.id, type: entry.type, attempt, error: messageOf(thrown) },
        '@airudder-webhooks/core: could not record a handled inbox entry as done; retrying',
      )
      await sleep(retryDelay(attempt, COMPLETE_RETRY))
    }
  }
}

/** Done, or failed: pending again after the backoff, or dead once out of attempts (or unfixable). */
async function settle<D extends Definitions>(
  runtime: Runtime<D>,
  inbox: Inbox,
  entry: InboxEntry,
  outcome: { readonly failures: readonly unknown[] } | { readonly dead: string },
  options: ProcessEntryOptions,
): Promise<void> {
  if ('failures' in outcome && outcome.failures.length === 0) {
    if (!(await completeOnceStored(runtime, inbox, entry))) warnLost(runtime, entry)
    return
  }
  let retryAt: Date | null = null
  let error: string
  if ('dead' in outcome) {
    error = outcome.dead
  } else {
    error = outcome.failures.map(messageOf).join('; ')
    const dead = entry.attempts >= options.maxAttempts
    const where = dead
      ? `dead after ${entry.attempts} attempt(s)`
      : `attempt ${entry.attempts} of ${options.maxAttempts}`
    runtime.logger?.error(
      {
        id: entry.id,
        type: entry.type,
        attempts: entry.attempts,
        dead,
        error: redactText(error, personalValuesOf(entry)),
      },
      `@airudder-webhooks/core: an inbox entry failed, ${where}`,
    )
    if (!dead) retryAt = new Date(Date.now() + retryDelay(entry.attempts, options.retry))
  }
  if (!(await inbox.fail(entry, error, retryAt))) warnLost(runtime, entry)
}

/** The personal values of an entry's stored body, to mask them in a log line. */
function personalValuesOf(entry: InboxEntry): string[] {
  try {
    return personalValues(JSON.parse(entry.raw))
  } catch {
    return []
  }
}
