/**
 * @module
 * `createWebhooks()` from core, typed for Next.js: every handler gets `{ request }`, the Web
 * `Request` of the delivery (in the App Router, the very `NextRequest` Next.js passed in).
 *
 * ```ts
 * // lib/webhooks.ts
 * import { createWebhooks } from '@airudder-webhooks/next'
 * export const webhooks = createWebhooks({ key: process.env.AIRUDDER_KEY })
 * webhooks.on('workflow.call.completed', (event, { request }) => {
 *   console.log(event.payload.TaskID, request.headers.get('user-agent'))
 * })
 * ```
 */
import {
  createWebhooks as createCoreWebhooks,
  type Definitions,
  type Inbox,
  type Webhooks,
  type WebhooksOptions,
} from '@airudder-webhooks/core'

/** What every handler gets as its second argument. */
export interface NextContext {
  /**
   * The delivery's request. Its body was already read by the kit: use `event.raw` or
   * `event.payload`, not `request.json()`.
   */
  readonly request: Request
}

/**
 * A receiver whose handlers get `{ request }`, or the entry's `{ entry, tx }` with a durable `inbox` (handlers then
 * run after the response).
 */
export function createWebhooks<const D extends Definitions = [], I extends Inbox | undefined = undefined>(
  options: WebhooksOptions<D, I> = {},
): Webhooks<D, NextContext, I> {
  return createCoreWebhooks<D, NextContext, I>(options)
}
