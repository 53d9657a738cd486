/**
 * @module
 * `airudder(webhooks)`: the Hono handler. It hands the untouched `c.req.raw` to core's Web
 * handler, with `c` as the handlers' context, and returns core's answer as is.
 *
 * ```ts
 * import { Hono } from 'hono'
 * import { airudder, createWebhooks } from '@airudder-webhooks/hono'
 *
 * const webhooks = createWebhooks({ key: process.env.AIRUDDER_KEY })
 * webhooks.on('workflow.call.completed', (event) => console.log(event.payload.TaskID))
 * const app = new Hono()
 * app.post('/webhooks/airudder', airudder(webhooks))
 * ```
 */
import type { Receiver } from '@airudder-webhooks/core'
import type { Context, Env } from 'hono'
import type { BlankEnv } from 'hono/types'

export interface AirudderOptions<E extends Env = BlankEnv> {
  /**
   * The client IP, for `ipAllowlist` (Web requests do not carry it), e.g. on Node
   * `(c) => getConnInfo(c).remote.address` with `getConnInfo` from `@hono/node-server/conninfo`.
   */
  readonly ip?: ((c: Context<E>) => string | undefined) | undefined
}

const ADAPTER = {
  name: '@airudder-webhooks/hono',
  mounting:
    'mount airudder() on a route where nothing reads the body first (c.req.json(), a validator, a body parser), so the signature is checked against the raw bytes',
}

export function airudder<E extends Env = BlankEnv>(
  webhooks: Receiver<Context<E>>,
  options: AirudderOptions<E> = {},
): (c: Context<E>) => Promise<Response> {
  return (c) => webhooks.handle(c.req.raw, { context: c, ip: options.ip?.(c), adapter: ADAPTER })
}
