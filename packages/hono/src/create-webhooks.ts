/**
 * @module
 * `createWebhooks()` from core, typed for Hono: every handler gets the request's `Context` as its
 * second argument. Pass your app's `Env` to type `c.env` and `c.var`.
 *
 * ```ts
 * import { createWebhooks } from '@airudder-webhooks/hono'
 * const webhooks = createWebhooks({ key: process.env.AIRUDDER_KEY })
 * webhooks.on('workflow.call.completed', (event, c) => {
 *   console.log(event.payload.TaskID, c.req.header('user-agent'))
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
import type { Context, Env } from 'hono'
import type { BlankEnv } from 'hono/types'

/**
 * A receiver whose handlers get Hono's `Context` (of the app's `Env`, e.g. its `Bindings`), or
 * the entry's `{ entry, tx }` with a durable `inbox` (handlers then run after the response).
 */
export function createWebhooks<
  const D extends Definitions = [],
  E extends Env = BlankEnv,
  I extends Inbox | undefined = undefined,
>(options: WebhooksOptions<D, I> = {}): Webhooks<D, Context<E>, I> {
  return createCoreWebhooks<D, Context<E>, I>(options)
}
