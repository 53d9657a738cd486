/**
 * @module
 * `@airudder-webhooks/core/node`: the Node bridge. `createNodeHandler(webhooks)` serves
 * `(IncomingMessage, ServerResponse)` (Node's http server, Express, Next.js Pages API routes)
 * through the same edge as `webhooks.handle(Request)`, without re-encoding the body.
 *
 * `airudderServerOptions` are server timeouts suited to AIRudder (a slow client is dropped in seconds).
 *
 * ```ts
 * import { createServer } from 'node:http'
 * import { airudderServerOptions, createNodeHandler } from '@airudder-webhooks/core/node'
 * createServer(airudderServerOptions, createNodeHandler(webhooks)).listen(3000)
 * ```
 * `createNodeFetchHandler(handler)` does the same for any Web `(Request) => Response` handler,
 * such as the inbox console from `@airudder-webhooks/console`.
 */
export type { AdapterInfo } from './http/edge'
export {
  createNodeFetchHandler,
  type NodeFetchHandlerOptions,
  type NodeFetchResponseLike,
} from './node/fetch-bridge'
export {
  createNodeHandler,
  type NodeHandlerOptions,
  type NodeRequestLike,
  type NodeResponseLike,
} from './node/node-bridge'
export { airudderServerOptions } from './node/server-options'
