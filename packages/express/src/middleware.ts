/**
 * @module
 * `airudder(webhooks)` and `airudderRouter(webhooks)`: Express 4 and 5 request handlers over
 * core's Node bridge, which reads the raw body, runs the pipeline and writes the JSON answer.
 *
 * ```ts
 * app.post('/webhooks/airudder', airudder(webhooks)) // or: app.use(airudderRouter(webhooks))
 * ```
 */
import type { Receiver } from '@airudder-webhooks/core'
import { createNodeHandler } from '@airudder-webhooks/core/node'
import type { Request, RequestHandler, Response } from 'express'
import type { ExpressContext } from './context'

const ADAPTER = {
  name: '@airudder-webhooks/express',
  mounting:
    'mount airudder() before express.json(), or use express.raw({ type: "application/json" }) on this route',
}

/** Where `airudderRouter` listens by default. */
const DEFAULT_PATH = '/webhooks/airudder'

export interface AirudderOptions {
  /** The client IP, for `ipAllowlist`. Default `req.ip` (set `trust proxy` behind a proxy). */
  readonly ip?: ((req: Request) => string | undefined) | undefined
}

/** `app.post('/webhooks/airudder', airudder(webhooks))`. Answers the request; never calls `next()`. */
export function airudder(webhooks: Receiver<ExpressContext>, options: AirudderOptions = {}): RequestHandler {
  const handle = createNodeHandler<ExpressContext, Request, Response>(webhooks, {
    context: (req, res) => ({ req, res }),
    ip: options.ip,
    adapter: ADAPTER,
  })
  // Returned for Express 5, which awaits it; the bridge never rejects, so `next(err)` is never reached.
  return (req, res) => handle(req, res)
}

export interface AirudderRouterOptions extends AirudderOptions {
  /** The path AIRudder posts to, relative to where the router is mounted. Default `/webhooks/airudder`. */
  readonly path?: string | undefined
}

/**
 * `app.use(airudderRouter(webhooks))`: answers every method on exactly `path` (a trailing slash
 * allowed), so a GET gets the kit's 405 instead of Express's 404, and passes other paths on.
 */
export function airudderRouter(
  webhooks: Receiver<ExpressContext>,
  { path = DEFAULT_PATH, ...options }: AirudderRouterOptions = {},
): RequestHandler {
  if (!path.startsWith('/')) throw new TypeError(`${ADAPTER.name}: path must start with '/', got '${path}'`)
  const handle = airudder(webhooks, options)
  const paths = new Set([path, path.endsWith('/') ? path.slice(0, -1) : `${path}/`])
  return (req, res, next) => (paths.has(req.path) ? handle(req, res, next) : next())
}
