/**
 * @module
 * `createRouteHandler(webhooks)` (also exported as `airudder`): the App Router route handler. It
 * passes the `Request` to core's Web handler untouched, so it runs in the Node.js and the Edge
 * runtime alike.
 *
 * ```ts
 * // app/webhooks/airudder/route.ts
 * import { createRouteHandler } from '@airudder-webhooks/next'
 * import { webhooks } from '@/lib/webhooks'
 *
 * export const { POST } = createRouteHandler(webhooks)
 * export const runtime = 'nodejs' // or 'edge'
 * ```
 */
import type { HandleOptions } from '@airudder-webhooks/core'
import type { NextContext } from './create-webhooks'

/**
 * The part of a `Webhooks` object the route handler uses; any `createWebhooks()` result fits, one
 * with an inbox too (its handlers run later, with the entry as context). The options are spelt out rather
 * than `HandleOptions<NextContext>`: TypeScript compares two instances of one generic by variance
 * alone, which would refuse an inbox receiver's `HandleOptions<unknown>`.
 */
export interface RouteReceiver {
  handle(
    request: Request,
    options?: Omit<HandleOptions<unknown>, 'context'> & { readonly context?: NextContext | undefined },
  ): Promise<Response>
}

export interface RouteHandlerOptions {
  /**
   * The client IP, for `ipAllowlist` (a Web `Request` does not carry it), e.g. on Vercel
   * `(request) => ipAddress(request)` with `ipAddress` from `@vercel/functions`.
   */
  readonly ip?: ((request: Request) => string | undefined) | undefined
}

export interface RouteHandlers {
  readonly POST: (request: Request) => Promise<Response>
}

export function createRouteHandler(
  webhooks: RouteReceiver,
  options: RouteHandlerOptions = {},
): RouteHandlers {
  const post = (request: Request) =>
    webhooks.handle(request, { context: { request }, ip: options.ip?.(request) })
  return { POST: post }
}

/** The same as `createRouteHandler`, under the name every adapter package exports. */
export const airudder: typeof createRouteHandler = createRouteHandler
