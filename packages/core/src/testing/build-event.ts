/**
 * @module
 * `buildEvent(type, overrides?)`: a realistic, schema-valid payload of any built-in type, from
 * AIRudder's own examples, with just the fields a test cares about changed.
 *
 * ```ts
 * import { buildEvent } from '@airudder-webhooks/core/testing'
 * const payload = buildEvent('workflow.call.completed', { Details: [{ CallID: 'c1', Intention: 'A' }] })
 * ```
 */
import { cloneJson, deepMerge, type Overrides } from './merge'
import { type SamplePayloads, samples } from './samples/index'

/** The built-in types `buildEvent` has a sample of. */
export type SampleType = keyof SamplePayloads

/** Any chatbot event report other than the typed ones: `chatbot.` + its `event` name. */
export type ChatbotSampleType = `chatbot.${string}`

/** A generic chatbot event report: the chatbot fields, without the typed `messages[]`. */
export type ChatbotSamplePayload = Omit<SamplePayloads['chatbot.channel.message.sent'], 'messages'>

/** The wire payload `buildEvent` returns for a type. */
export type SamplePayload<T extends SampleType | ChatbotSampleType> = T extends SampleType
  ? SamplePayloads[T]
  : ChatbotSamplePayload

/** Every type `buildEvent` knows, in the catalogue's order. */
export const SAMPLE_TYPES = Object.keys(samples) as readonly SampleType[]

const isSampleType = (type: string): type is SampleType => Object.hasOwn(samples, type)

function base(type: string): unknown {
  if (isSampleType(type)) return cloneJson(samples[type])
  if (type.startsWith('chatbot.') && type.length > 'chatbot.'.length) {
    const { messages: _messages, ...fields } = cloneJson(samples['chatbot.channel.message.sent'])
    return { ...fields, event: type.slice('chatbot.'.length) }
  }
  throw new TypeError(
    `@airudder-webhooks/core/testing: buildEvent has no sample of ${JSON.stringify(type)}; ` +
      `use one of ${SAMPLE_TYPES.join(', ')} or chatbot.<event>`,
  )
}

/**
 * A fresh copy of the sample payload of `type`, with `overrides` deep-merged over it (objects
 * merge, `undefined` removes a field, an array's objects merge over the sample's elements).
 * The payload is what AIRudder sends, before normalisation; sign it with `signDelivery`.
 */
export function buildEvent<const T extends SampleType | ChatbotSampleType>(
  type: T,
  overrides?: Overrides<SamplePayload<T>>,
): SamplePayload<T> {
  return deepMerge(base(type), overrides) as SamplePayload<T>
}
