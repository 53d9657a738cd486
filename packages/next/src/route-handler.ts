/**
 * @module
 * `airudder(webhooks)`: the App Router route handler. It passes the `Request` to core's Web
 * handler untouched, so it runs in the Node.js and the Edge runtime alike.
 *
 * ```ts
 * // app/webhooks/airudder/route.ts
 * import { airudder } from '@airudder-webhooks/next'
 * import { webhooks } from '@/lib/webhooks'
 *
 * export const POST = airudder(webhooks)
 * export const runtime = 'nodejs' // or 'edge'
 * ```
 */
import type { Receiver } from '@airudder-webhooks/core'
import type { NextContext } from './create-webhooks'

export interface AirudderOptions {
  /**
   * The client IP, for `ipAllowlist` (a Web `Request` does not carry it), e.g. on Vercel
   * `(request) => ipAddress(request)` with `ipAddress` from `@vercel/functions`.
   */
  readonly ip?: ((request: Request) => string | undefined) | undefined
}

const ADAPTER = {
  name: '@airudder-webhooks/next',
  mounting: 'read the delivery only through the kit: do not call request.json() or request.text() before it',
}

export function airudder(
  webhooks: Receiver<NextContext>,
  options: AirudderOptions = {},
): (request: Request) => Promise<Response> {
  return (request) =>
    webhooks.handle(request, { context: { request }, ip: options.ip?.(request), adapter: ADAPTER })
}
