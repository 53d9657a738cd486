/**
 * @module
 * Step 2, `classify`: the event type from the body's shape alone. It takes `decode`'s output (or
 * anything with a `json` field) and returns it with `type` and `definition` added. Deterministic: user
 * definitions are tried first, in order; then the built-ins, which must match exactly one
 * (two matches are reported as ambiguous, never guessed); then the generic `chatbot.<event>`.
 * Anything else is `unknown`, with the reason.
 *
 * ```ts
 * classify(decoded)                  // { ...decoded, type: 'workflow.call.completed', definition }
 * classify({ json: { TaskID: 'x' } }) // { json, type: 'unknown', reason: 'closest to qa.recording.reported, but …' }
 * ```
 */
import type { Definitions, EventType } from '../events/catalogue'
import { chatbotEvent, chatbotType } from '../events/chatbot'
import type { EventDefinition } from '../events/define-event'
import { defaultRegistry, type Registry } from '../events/registry'
import { compileMatcher, isJsonObject, type JsonObject, nearMiss, shapesOf } from '../events/shape'
import type { Decoded } from './decode'
import { compileGate, mayFit } from './probe-gate'

export type Classification<D extends Definitions = []> =
  | {
      readonly type: Exclude<EventType<D>, 'unknown'>
      readonly definition: EventDefinition
      readonly reason?: undefined
    }
  | { readonly type: 'unknown'; readonly definition?: undefined; readonly reason: string }

/** `decode`'s output with its type: what `verify` takes. */
export type Classified<D extends Definitions = []> = Decoded & Classification<D>

/**
 * The decoded delivery with `type` and `definition` (or `reason`, for `unknown`) added. Anything
 * else with a `json` field gets `{ json, type, definition, reason }`.
 */
export function classify<D extends Definitions = []>(decoded: Decoded, registry?: Registry<D>): Classified<D>
export function classify<D extends Definitions = []>(
  input: { readonly json: unknown },
  registry?: Registry<D>,
): Classification<D> & { readonly json: unknown }
export function classify<D extends Definitions = []>(
  input: Decoded | { readonly json: unknown },
  registry: Registry<D> = defaultRegistry as unknown as Registry<D>,
): Classification<D> & { readonly json: unknown } {
  const { type, definition, reason } = typeOf(input.json, registry)
  if (!isDecoded(input)) return { json: input.json, type, definition, reason } as Classified<D>
  // Written out, not spread: on Node 20's V8, `{ ...input, type }` costs a few microseconds a delivery.
  const { body, text, json, headers, url, ip, receivedAt } = input
  return {
    ok: true,
    body,
    text,
    json,
    headers,
    url,
    ip,
    receivedAt,
    type,
    definition,
    reason,
  } as Classified<D>
}

function isDecoded(input: Decoded | { readonly json: unknown }): input is Decoded {
  return (input as Partial<Decoded>).ok === true && (input as Partial<Decoded>).body instanceof Uint8Array
}

const unknown = (reason: string) => ({ type: 'unknown', reason }) as const

/** A definition with its matcher compiled (`compileMatcher`). */
interface Probe {
  readonly definition: EventDefinition
  readonly test: (json: JsonObject) => boolean
}

interface Probes {
  readonly user: readonly Probe[]
  readonly builtins: readonly Probe[]
  /** Which built-ins a body may fit, from its top-level keys: the rest are not tested. */
  readonly gate: (json: JsonObject) => number
}

const probe = (definition: EventDefinition): Probe => ({
  definition,
  test: compileMatcher(definition.matches),
})
const chatbotProbe = probe(chatbotEvent)
/** Each registry's matchers, compiled on its first delivery. */
const compiled = new WeakMap<Registry<Definitions>, Probes>()

function probesOf(registry: Registry<Definitions>): Probes {
  let probes = compiled.get(registry)
  if (probes === undefined) {
    probes = {
      user: (registry.user as readonly EventDefinition[]).map(probe),
      builtins: registry.builtins.map(probe),
      gate: compileGate(registry.builtins.map((definition) => definition.matches)),
    }
    compiled.set(registry, probes)
  }
  return probes
}

function typeOf<D extends Definitions>(json: unknown, registry: Registry<D>): Classification<D> {
  if (!isJsonObject(json))
    return unknown(
      `the body is a JSON ${json === null ? 'null' : Array.isArray(json) ? 'array' : typeof json}, not an object`,
    )
  const probes = probesOf(registry as unknown as Registry<Definitions>)
  for (const { definition, test } of probes.user) {
    if (test(json)) return found(definition.type, definition)
  }
  const { builtins } = probes
  const mask = probes.gate(json)
  const matched: EventDefinition[] = []
  for (let i = 0; i < builtins.length; i++) {
    const { definition, test } = builtins[i] as Probe
    if (mayFit(mask, i) && test(json)) matched.push(definition)
  }
  if (matched.length === 1 && matched[0]) return found(matched[0].type, matched[0])
  if (matched.length > 1)
    return unknown(`ambiguous shape: it fits ${matched.map((d) => d.type).join(' and ')}`)
  if (chatbotProbe.test(json))
    return found(chatbotType(json), registry.get(chatbotType(json)) ?? chatbotEvent)
  return unknown(explainMiss(json, registry))
}

function found<D extends Definitions>(type: string, definition: EventDefinition): Classification<D> {
  return { type, definition } as Classification<D>
}

/**
 * Names the built-in shape the body fits best (the largest share of its fields; the catalogue order
 * breaks ties) and what it lacks. Field names only, never values.
 */
function explainMiss(json: JsonObject, registry: Registry<Definitions>): string {
  let best: { type: string; score: number; problems: string[] } | undefined
  for (const definition of [...registry.builtins, chatbotEvent]) {
    for (const shape of shapesOf(definition.matches) ?? []) {
      const { fitting, problems } = nearMiss(json, shape)
      const score = fitting / (fitting + problems.length)
      if (fitting > 0 && (best === undefined || score > best.score))
        best = { type: definition.type, score, problems }
    }
  }
  if (best) return `closest to ${best.type}, but ${best.problems.join(' and ')}`
  const keys = Object.keys(json)
  const listed = keys
    .slice(0, 8)
    .map((key) => JSON.stringify(key.slice(0, 40)))
    .join(', ')
  return `no known event shape matches its top-level fields (${listed}${keys.length > 8 ? ', …' : ''})`
}
