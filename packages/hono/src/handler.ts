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
import { type HandleOptions, type Logger, toResponse } from '@airudder-webhooks/core'
import type { Context, Env } from 'hono'
import type { BlankEnv } from 'hono/types'

/**
 * The part of a `Webhooks` object the handler uses; any `createWebhooks()` result fits, one with an
 * inbox too (its handlers run later, with the entry as context). The options are spelt out rather than
 * `HandleOptions<Context<E>>`: TypeScript compares two instances of one generic by variance alone,
 * which would refuse an inbox receiver's `HandleOptions<unknown>`.
 */
export interface HonoReceiver<E extends Env = BlankEnv> {
  readonly logger: Logger | undefined
  handle(
    request: Request,
    options?: Omit<HandleOptions<unknown>, 'context'> & { readonly context?: Context<E> | undefined },
  ): Promise<Response>
}

export interface AirudderOptions<E extends Env = BlankEnv> {
  /**
   * The client IP, for `ipAllowlist` (Web requests do not carry it), e.g. on Node
   * `(c) => getConnInfo(c).remote.address` with `getConnInfo` from `@hono/node-server/conninfo`.
   */
  readonly ip?: ((c: Context<E>) => string | undefined) | undefined
}

const ALREADY_READ =
  '@airudder-webhooks/hono: the request body was already read by another middleware ' +
  '(c.req.json(), a validator, a body parser); mount airudder() on a route where nothing reads ' +
  'the body first, so the signature is checked against the raw bytes'

export function airudder<E extends Env = BlankEnv>(
  webhooks: HonoReceiver<E>,
  options: AirudderOptions<E> = {},
): (c: Context<E>) => Promise<Response> {
  return async (c) => {
    const request = c.req.raw
    if (request.bodyUsed) {
      webhooks.logger?.error(ALREADY_READ)
      const message = 'The webhook endpoint is misconfigured: its body was already parsed'
      return toResponse({ status: 500, body: { error: { code: 'body_already_parsed', message } } })
    }
    return webhooks.handle(request, { context: c, ip: options.ip?.(c) })
  }
}
