/**
 * @module
 * Processing one inbox entry: rebuild its event from the stored raw body (same registry, same
 * stored verification), run its handlers, and settle the entry: done, pending again after a
 * backoff, or dead with the last error. A payload that fails its schema goes to `onInvalid`
 * listeners; with none, it is dead at once (a retry cannot fix it; requeue it after adding one).
 */
import type { Definitions } from '../events/catalogue'
import { classify } from '../events/classify'
import { decodeJson, toEvent } from '../events/parse'
import { WebhookError } from '../webhooks/errors'
import { messageOf, type Runtime, report } from '../webhooks/runtime'
import { type RetryOptions, retryDelay } from './backoff'
import type { Inbox, InboxEntry } from './types'

export interface ProcessEntryOptions {
  readonly maxAttempts: number
  readonly retry: RetryOptions
}

const encoder = new TextEncoder()

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
  const body = encoder.encode(entry.raw)
  const decoded = decodeJson(body)
  if (!decoded.ok) return inbox.fail(entry.id, `stored body is not JSON: ${decoded.message}`, null)
  const { json, text } = decoded
  const { verification, receivedAt } = entry
  const classification = classify(json, runtime.registry)
  const result = toEvent<D>({ classification, json, body, text, verification, receivedAt })

  if (!result.ok) {
    const listeners = [...runtime.invalidListeners]
    const issues = result.invalid.issues
      .map((issue) => `${issue.path || '(root)'}: ${issue.message}`)
      .join('; ')
    if (listeners.length === 0) {
      const message = `The payload does not match ${entry.type} (${issues}) and no onInvalid listener takes it`
      await report(runtime, new WebhookError('invalid_payload', message, { invalid: result.invalid }))
      return inbox.fail(entry.id, message, null)
    }
    return settle(
      runtime,
      inbox,
      entry,
      options,
      await settleAll(listeners.map((l) => () => l(result.invalid))),
    )
  }
  const { event } = result
  const failures = await settleAll(
    runtime.listeners.for(event.type).map((handler) => () => handler(event, undefined)),
  )
  for (const cause of failures) {
    await report(
      runtime,
      new WebhookError('handler_failed', `A handler for ${event.type} failed`, { event, cause }),
    )
  }
  return settle(runtime, inbox, entry, options, failures)
}

async function settle<D extends Definitions>(
  runtime: Runtime<D>,
  inbox: Inbox,
  entry: InboxEntry,
  options: ProcessEntryOptions,
  failures: readonly unknown[],
): Promise<void> {
  if (failures.length === 0) return inbox.complete(entry.id)
  const error = failures.map(messageOf).join('; ')
  const dead = entry.attempts >= options.maxAttempts
  const where = dead
    ? `dead after ${entry.attempts} attempt(s)`
    : `attempt ${entry.attempts} of ${options.maxAttempts}`
  runtime.logger?.error(`@airudder-webhooks/core: ${entry.type} (id ${entry.id}) failed, ${where}: ${error}`)
  const retryAt = dead ? null : new Date(Date.now() + retryDelay(entry.attempts, options.retry))
  return inbox.fail(entry.id, error, retryAt)
}
