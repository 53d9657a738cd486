/**
 * @module
 * `airudder(webhooks)` and `airudderRouter(webhooks)`: Express 4 and 5 request handlers over
 * core's Node bridge, which reads the raw body, runs the pipeline and writes the JSON answer.
 *
 * ```ts
 * app.post('/webhooks/airudder', airudder(webhooks)) // or: app.use(airudderRouter(webhooks))
 * ```
 */
import { createNodeHandler, type WebhookReceiver } from '@airudder-webhooks/core'
import type { Request, RequestHandler, Response } from 'express'
import type { ExpressContext } from './context'

const SOURCE = '@airudder-webhooks/express'
const PARSED_BODY_ADVICE =
  'mount airudder() before express.json(), or use express.raw({ type: "application/json" }) on this route'

/** Where `airudderRouter` listens by default. */
const DEFAULT_PATH = '/webhooks/airudder'

/** `app.post('/webhooks/airudder', airudder(webhooks))`. Answers the request; never calls `next()`. */
export function airudder(webhooks: WebhookReceiver<ExpressContext>): RequestHandler {
  const handle = createNodeHandler<ExpressContext, Request, Response>(webhooks, {
    context: (req, res) => ({ req, res }),
    source: SOURCE,
    parsedBodyAdvice: PARSED_BODY_ADVICE,
  })
  // Returned for Express 5, which awaits it; the bridge never rejects, so `next(err)` is never reached.
  return (req, res) => handle(req, res)
}

export interface AirudderRouterOptions {
  /** The path AIRudder posts to, relative to where the router is mounted. Default `/webhooks/airudder`. */
  readonly path?: string | undefined
}

/**
 * `app.use(airudderRouter(webhooks))`: answers every method on exactly `path` (a trailing slash
 * allowed), so a GET gets the kit's 405 instead of Express's 404, and passes other paths on.
 */
export function airudderRouter(
  webhooks: WebhookReceiver<ExpressContext>,
  { path = DEFAULT_PATH }: AirudderRouterOptions = {},
): RequestHandler {
  if (!path.startsWith('/')) throw new TypeError(`${SOURCE}: path must start with '/', got '${path}'`)
  const handle = airudder(webhooks)
  const paths = new Set([path, path.endsWith('/') ? path.slice(0, -1) : `${path}/`])
  return (req, res, next) => (paths.has(req.path) ? handle(req, res, next) : next())
}
