/**
 * @module
 * The pure steps after verification, usable without HTTP (queues, replays, tests):
 * `decodeJson` (bytes -> JSON), `validate` (JSON -> payload or issues) and `toEvent` (all of it
 * for one classified delivery). `parse(body)` strings decode, classify and validate together
 * for bodies whose authenticity was settled elsewhere; its events say `not-checked`.
 *
 * ```ts
 * const result = parse(body)
 * if (result.ok && result.event.type === 'pds.contact.status') console.log(result.event.payload.body.state)
 * ```
 */
import type { z } from 'zod'
import type { AirudderEvent, Definitions } from '../events/catalogue'
import type { EventDefinition } from '../events/define-event'
import type { InvalidEvent, SchemaIssue, Verification } from '../events/event'
import { eventId } from '../events/event-id'
import { exactJson } from '../events/exact-numbers'
import { defaultRegistry, type Registry } from '../events/registry'
import { type Classification, classify } from './classify'
import { BAIL, NO } from './compiled/runtime'
import { compiledValidators } from './compiled/validators.generated'

const decoder = new TextDecoder('utf-8', { fatal: true })
const encoder = new TextEncoder()

export type DecodeResult =
  | { readonly ok: true; readonly json: unknown; readonly text: string }
  | { readonly ok: false; readonly message: string }

/**
 * Decodes UTF-8 JSON, losslessly: a number `JSON.parse` would round arrives as the string of its
 * exact digits (see `exactJson`). The error names the position, never echoes the body (it may
 * hold a signature).
 */
export function decodeJson(body: Uint8Array | string): DecodeResult {
  let text: string
  try {
    text = typeof body === 'string' ? body : decoder.decode(body)
  } catch {
    return { ok: false, message: 'The body is not valid UTF-8' }
  }
  try {
    return { ok: true, json: exactJson(text, JSON.parse(text)), text }
  } catch (error) {
    if (text.trim() === '') return { ok: false, message: 'The body is empty; expected a JSON object' }
    // V8's message may quote the body; only its position (when given) is passed on.
    const native = String((error as Error).message)
    const position = /position (\d+)/.exec(native)?.[1]
    const where = native.includes('end of JSON')
      ? ' (it ends too early)'
      : position
        ? ` (error at position ${position})`
        : ''
    return { ok: false, message: `The body is not valid JSON${where}` }
  }
}

export type ValidateResult<T = unknown> =
  | { readonly success: true; readonly payload: T }
  | { readonly success: false; readonly issues: readonly SchemaIssue[] }

export function validate<S extends z.ZodType>(definition: EventDefinition<string, S>, json: unknown) {
  const result = definition.schema.safeParse(json)
  if (result.success) return { success: true, payload: result.data } as ValidateResult<z.output<S>>
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
  return { success: false, issues } as ValidateResult<z.output<S>>
}

export interface ToEventInput<D extends Definitions> {
  readonly classification: Classification<D>
  readonly json: unknown
  readonly body: Uint8Array
  readonly text: string
  readonly verification: Verification
  readonly receivedAt?: Date | undefined
}

export type EventResult<D extends Definitions = []> =
  | { readonly ok: true; readonly event: AirudderEvent<D>; readonly invalid?: undefined }
  | { readonly ok: false; readonly invalid: InvalidEvent }

/**
 * A built-in schema runs its compiled validator (generated from the zod schema at build time; it
 * normalises `json` in place), which agrees with zod on every body it accepts. Anything it does not
 * accept is judged by zod itself, on a fresh parse of `raw`, so errors read exactly as zod's.
 */
function validateDelivery(definition: EventDefinition, json: unknown, raw: string) {
  const compiled = compiledValidators.get(definition.schema)
  if (compiled === undefined) return { result: validate(definition, json), json }
  const payload = compiled(json)
  if (payload !== NO && payload !== BAIL)
    return { result: { success: true, payload } as ValidateResult, json }
  const fresh = exactJson(raw, JSON.parse(raw))
  return { result: validate(definition, fresh), json: fresh }
}

/** Validates a classified delivery into its typed event, or a typed validation failure. */
export function toEvent<D extends Definitions = []>(input: ToEventInput<D>): EventResult<D> {
  const { classification, body, text: raw, verification } = input
  const receivedAt = input.receivedAt ?? new Date()
  const { type, definition } = classification
  if (definition === undefined) {
    const json = input.json
    const id = eventId(type, undefined, json, body)
    const event = { type, id, receivedAt, payload: json, raw, verification, reason: classification.reason }
    return { ok: true, event: event as AirudderEvent<D> }
  }
  const { result, json } = validateDelivery(definition, input.json, raw)
  if (!result.success) {
    const id = eventId(type, undefined, json, body)
    return { ok: false, invalid: { type, id, receivedAt, json, raw, verification, issues: result.issues } }
  }
  const id = eventId(type, definition, result.payload, body)
  const event = { type, id, receivedAt, payload: result.payload, raw, verification }
  return { ok: true, event: event as AirudderEvent<D> }
}

export type ParseResult<D extends Definitions = []> =
  | EventResult<D>
  | {
      readonly ok: false
      readonly invalid?: undefined
      readonly error: 'malformed_json'
      readonly message: string
    }

/** Decode, classify and validate one body, without verification (`verification.reason: 'not-checked'`). */
export function parse<D extends Definitions = []>(
  body: Uint8Array | string,
  options: { readonly registry?: Registry<D>; readonly receivedAt?: Date } = {},
): ParseResult<D> {
  const decoded = decodeJson(body)
  if (!decoded.ok) return { ok: false, error: 'malformed_json', message: decoded.message }
  const registry = options.registry ?? (defaultRegistry as unknown as Registry<D>)
  return toEvent<D>({
    classification: classify(decoded.json, registry),
    json: decoded.json,
    body: typeof body === 'string' ? encoder.encode(body) : body,
    text: decoded.text,
    verification: { status: 'skipped', reason: 'not-checked' },
    receivedAt: options.receivedAt,
  })
}
