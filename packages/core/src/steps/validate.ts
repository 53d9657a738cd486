/**
 * @module
 * Step 4, `validate`: a verified delivery against its type's zod schema, into the typed event
 * handlers get (with its idempotency `id`), or a typed validation failure that is never dropped
 * (`onInvalid`, the inbox). `unknown` has no schema: its event carries the JSON as is. For the
 * built-in types the payload is `verified.json` itself, normalised in place (no copy).
 *
 * ```ts
 * const result = validate(verified)
 * if (result.ok && result.event.type === 'workflow.call.completed') save(result.event.payload.Details)
 * else if (!result.ok) console.log(result.message, result.invalid.issues)
 * ```
 */
import type { z } from 'zod'
import type { AirudderEvent, Definitions } from '../events/catalogue'
import type { EventDefinition } from '../events/define-event'
import type { InvalidEvent, SchemaIssue } from '../events/event'
import { eventId } from '../events/event-id'
import { exactJson } from '../events/exact-numbers'
import { BAIL, NO } from './compiled/runtime'
import { compiledValidators } from './compiled/validators.generated'
import type { StepFailure } from './decode'
import type { Verified } from './verify'

/** The typed event, or why its payload does not match its type (`code: 'invalid_payload'`). */
export type EventResult<D extends Definitions = []> =
  | { readonly ok: true; readonly event: AirudderEvent<D>; readonly invalid?: undefined }
  | (StepFailure<'invalid_payload'> & { readonly invalid: InvalidEvent })

export function validate<D extends Definitions = []>(verified: Verified<D>): EventResult<D> {
  const { type, definition, json, body, text: raw, verification, receivedAt } = verified
  if (definition === undefined) {
    const id = eventId(type, undefined, json, body)
    const event = { type, id, receivedAt, payload: json, raw, verification, reason: verified.reason }
    return { ok: true, event: event as AirudderEvent<D> }
  }
  const result = checkSchema(definition, json, raw)
  if (!result.success) {
    const { issues, json } = result
    const id = eventId(type, undefined, json, body)
    const invalid = { type, id, receivedAt, json, raw, verification, issues }
    const listed = issues.slice(0, 5).map((issue) => `${issue.path || '(root)'}: ${issue.message}`)
    const message = `The payload does not match ${type}: ${listed.join('; ')}`
    return { ok: false, code: 'invalid_payload', message, invalid }
  }
  const id = eventId(type, definition, result.payload, body)
  const event = { type, id, receivedAt, payload: result.payload, raw, verification }
  return { ok: true, event: event as AirudderEvent<D> }
}

type SchemaResult<T> =
  | { readonly success: true; readonly payload: T }
  | { readonly success: false; readonly issues: readonly SchemaIssue[]; readonly json: unknown }

/**
 * A built-in schema runs its compiled validator (generated from the zod schema at build time), which
 * normalises `json` in place and agrees with zod on every body it accepts. What it does not accept
 * is judged by zod itself (on a fresh parse of `raw` when the attempt may have changed `json`), so
 * the issues, and the JSON an invalid event carries, are exactly zod's.
 */
function checkSchema<S extends z.ZodType>(
  definition: EventDefinition<string, S>,
  json: unknown,
  raw: string,
): SchemaResult<z.output<S>> {
  const compiled = compiledValidators.get(definition.schema)
  if (compiled !== undefined) {
    const payload = compiled(json)
    if (payload !== NO && payload !== BAIL) return { success: true, payload: payload as z.output<S> }
    // `NO` changed nothing; after `BAIL` part of `json` may be normalised already.
    if (payload === BAIL) json = exactJson(raw, JSON.parse(raw))
  }
  const result = definition.schema.safeParse(json)
  if (result.success) return { success: true, payload: result.data }
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
  return { success: false, issues, json }
}
