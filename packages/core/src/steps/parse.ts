/**
 * @module
 * `parse(body)`: `decode`, `classify` and `validate` in one call, for bodies whose authenticity was
 * settled elsewhere (a queue you trust, a replay, a test); its events say `not-checked`.
 *
 * ```ts
 * const result = parse(body)
 * if (result.ok && result.event.type === 'pds.contact.status') console.log(result.event.payload.body.state)
 * ```
 */
import type { Definitions } from '../events/catalogue'
import type { Verification } from '../events/event'
import { defaultRegistry, type Registry } from '../events/registry'
import { classify } from './classify'
import { decode, type StepFailure } from './decode'
import { type EventResult, validate } from './validate'
import { withVerification } from './verify'

export type ParseResult<D extends Definitions = []> =
  | EventResult<D>
  | (StepFailure<'malformed_json'> & { readonly invalid?: undefined })

const NOT_CHECKED: Verification = { status: 'skipped', reason: 'not-checked' }

/** Decode, classify and validate one body, without verification (`verification.reason: 'not-checked'`). */
export function parse<D extends Definitions = []>(
  body: Uint8Array | string,
  options: { readonly registry?: Registry<D>; readonly receivedAt?: Date } = {},
): ParseResult<D> {
  const decoded = decode({ body, receivedAt: options.receivedAt })
  if (!decoded.ok) return decoded
  const registry = options.registry ?? (defaultRegistry as unknown as Registry<D>)
  return validate<D>(withVerification(classify<D>(decoded, registry), NOT_CHECKED))
}
