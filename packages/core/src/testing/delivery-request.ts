/**
 * @module
 * `createDeliveryRequest(payload, options)`: a ready Web `Request`, signed like AIRudder's, for
 * `webhooks.handle()`, a route handler or `fetch`.
 *
 * ```ts
 * import { buildEvent, createDeliveryRequest } from '@airudder-webhooks/core/testing'
 * const response = await webhooks.handle(createDeliveryRequest(buildEvent('workflow.call.completed')))
 * ```
 */
import { type SignedDelivery, type SignOptions, signDelivery } from './sign-delivery'

export interface DeliveryRequestOptions extends SignOptions {
  /** Where the request goes. Default `'http://localhost/webhooks/airudder'`. */
  readonly url?: string | URL | undefined
}

/** `url` with the delivery's query parameters (its URL token) set. */
export function deliveryUrl(url: string | URL, delivery: Pick<SignedDelivery, 'query'>): string {
  const target = new URL(url)
  for (const [name, value] of Object.entries(delivery.query)) target.searchParams.set(name, value)
  return target.href
}

/** Signs `payload` (see `signDelivery`) and wraps it in a `POST` request. */
export function createDeliveryRequest(
  payload: object | string,
  options: DeliveryRequestOptions = {},
): Request {
  const delivery = signDelivery(payload, options)
  return new Request(deliveryUrl(options.url ?? 'http://localhost/webhooks/airudder', delivery), {
    method: 'POST',
    headers: delivery.headers,
    body: delivery.body,
  })
}
