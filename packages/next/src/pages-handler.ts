/**
 * @module
 * `createPagesHandler(webhooks)`: a Pages Router API route, over core's Node bridge. Next.js
 * parses JSON bodies by default, and a signature can only be checked against the raw bytes, so
 * the route file must turn the parser off:
 *
 * ```ts
 * // pages/api/webhooks/airudder.ts
 * import { createPagesHandler } from '@airudder-webhooks/next'
 * import { webhooks } from '@/lib/webhooks'
 *
 * export const config = { api: { bodyParser: false } }
 * export default createPagesHandler(webhooks)
 * ```
 */
import type { Receiver } from '@airudder-webhooks/core'
import { createNodeHandler } from '@airudder-webhooks/core/node'
import type { NextApiRequest, NextApiResponse } from 'next'
import type { NextContext } from './create-webhooks'

const PARSED_BODY_ADVICE =
  "Next.js's default body parser read it: add `export const config = { api: { bodyParser: false } }` " +
  'to this API route file (Next.js needs that literal in the file itself)'

/** The delivery's method, URL and headers as a Web `Request`, for handlers (its body stays with the kit). */
function requestOf(req: NextApiRequest): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    for (const item of typeof value === 'string' ? [value] : (value ?? [])) headers.append(name, item)
  }
  let url: URL
  try {
    url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)
  } catch {
    url = new URL('http://localhost/')
  }
  return new Request(url, { method: req.method ?? 'POST', headers })
}

function contextOf(req: NextApiRequest): NextContext {
  let request: Request | undefined
  return {
    get request() {
      request ??= requestOf(req)
      return request
    },
  }
}

export function createPagesHandler(
  webhooks: Receiver<NextContext>,
): (req: NextApiRequest, res: NextApiResponse) => Promise<void> {
  return createNodeHandler<NextContext, NextApiRequest, NextApiResponse>(webhooks, {
    context: contextOf,
    adapter: { name: '@airudder-webhooks/next', mounting: PARSED_BODY_ADVICE },
  })
}
