/**
 * @module
 * `Receiver`: what every adapter needs from a `createWebhooks()` result, whatever its event
 * definitions or inbox. Express, Hono and Next.js all take one, so an adapter never spells out
 * its own copy.
 */

import type { Delivery } from '../webhooks/pipeline'
import type { Answer, Logger } from '../webhooks/runtime'
import type { HandleOptions } from './handle'

/**
 * `C` is what the adapter hands on as the handlers' context. Method syntax on purpose: a receiver
 * with an inbox (whose handlers get `{ entry, tx }` instead and take any context in) still fits.
 */
export interface Receiver<C = unknown> {
  /** The resolved body limit, for bridges that read the body themselves. */
  readonly maxBodyBytes: number
  readonly logger: Logger | undefined
  /** The pipeline from raw bytes, without HTTP: decode, classify, verify, validate, receive. */
  verifyAndReceive(delivery: Delivery<C>): Promise<Answer>
  /** The whole pipeline over a Web `Request`. */
  handle(request: Request, options?: HandleOptions<C>): Promise<Response>
}
