/**
 * @module
 * `@airudder-webhooks/core/testing`: test your AIRudder handlers without AIRudder. Realistic
 * payloads of every built-in type (from AIRudder's published examples), signed the way AIRudder
 * signs them, as a body + headers or a ready `Request`. Web APIs only: runs on Node, Bun, Deno
 * and edge runtimes.
 *
 * ```ts
 * import { createWebhooks } from '@airudder-webhooks/core'
 * import { buildEvent, createDeliveryRequest } from '@airudder-webhooks/core/testing'
 *
 * const webhooks = createWebhooks({ key: 'test-key' })
 * const payload = buildEvent('workflow.call.completed', { Details: [{ Intention: 'A' }] })
 * const response = await webhooks.handle(createDeliveryRequest(payload, { key: 'test-key' }))
 * // response.status === 200
 * ```
 */

/** The header signatures themselves, for tests and tools that build deliveries by hand (`md5Hex` is in the root). */
export { computeSignature } from '../verify/algorithms'
export {
  buildEvent,
  type ChatbotSamplePayload,
  type ChatbotSampleType,
  SAMPLE_TYPES,
  type SamplePayload,
  type SampleType,
} from './build-event'
export { createDeliveryRequest, type DeliveryRequestOptions, deliveryUrl } from './delivery-request'
export type { Overrides } from './merge'
export type { SamplePayloads } from './samples/index'
export {
  defaultScheme,
  type SignedDelivery,
  type SignOptions,
  type SignScheme,
  signDelivery,
} from './sign-delivery'
