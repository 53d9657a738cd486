/**
 * @module
 * `createWebhooks()` for Express: core's receiver with the handler context fixed to `{ req, res }`,
 * so handlers are typed from the user's app without writing a generic.
 *
 * ```ts
 * const webhooks = createWebhooks({ key: process.env.AIRUDDER_KEY })
 * webhooks.on('workflow.call.completed', (event, { req }) => console.log(event.payload.TaskID, req.ip))
 * ```
 */
import {
  createWebhooks as createCoreWebhooks,
  type Definitions,
  type Inbox,
  type Webhooks,
  type WebhooksOptions,
} from '@airudder-webhooks/core'
import type { Request, Response } from 'express'

/** The second argument of every handler: the Express request and response of the delivery. */
export type ExpressContext = { req: Request; res: Response }

/** With an `inbox`, handlers run after the response, so their context is the entry's `{ entry, tx }`. */
export function createWebhooks<const D extends Definitions = [], I extends Inbox | undefined = undefined>(
  options: WebhooksOptions<D, I> = {},
): Webhooks<D, ExpressContext, I> {
  return createCoreWebhooks<D, ExpressContext, I>(options)
}
