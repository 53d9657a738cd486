/**
 * @module
 * `createNodeFetchHandler(handler)`: serves any Web `(Request) => Response` handler (the inbox
 * console, your own) as `(req, res)` for Node's http server and Express, under any mount path.
 * The request keeps Express's mount-independent URL (`req.originalUrl`); a body an Express parser
 * already turned into an object is passed on as a form; a response's every `Set-Cookie` survives.
 *
 * ```ts
 * import { createNodeFetchHandler } from '@airudder-webhooks/core/node'
 * app.use('/ops/inbox', createNodeFetchHandler(inboxConsole))
 * ```
 * Structural types only: core imports nothing from Node.
 */
import type { NodeRequestLike } from './node-bridge'
import { readNodeBody } from './read-stream'

export interface NodeFetchResponseLike {
  statusCode: number
  readonly headersSent?: boolean | undefined
  setHeader(name: string, value: string | readonly string[]): unknown
  end(body?: Uint8Array | string): unknown
}

export interface NodeFetchHandlerOptions {
  /** Largest request body read. Default 1 MiB. */
  readonly maxBodyBytes?: number | undefined
}

const NO_BODY = new Set(['GET', 'HEAD'])

function toRequestInit(req: NodeRequestLike): { url: string; method: string; headers: Headers } {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue
    for (const item of typeof value === 'string' ? [value] : value) headers.append(name, item)
  }
  const host = headers.get('host') ?? 'localhost'
  const url = `${req.socket?.encrypted ? 'https' : 'http'}://${host}${req.originalUrl ?? req.url ?? '/'}`
  return { url, method: (req.method ?? 'GET').toUpperCase(), headers }
}

/** The body as bytes: what a framework kept, a parsed form re-encoded, or the stream read with the limit. */
async function bodyOf(req: NodeRequestLike, limit: number): Promise<Uint8Array | string | undefined> {
  for (const kept of [req.rawBody, req.body]) {
    if (kept instanceof Uint8Array || typeof kept === 'string') return kept
  }
  if (req.readableEnded) {
    // A form parser (express.urlencoded) read it: its fields are all that is left.
    const fields = (req.body ?? {}) as Record<string, unknown>
    return new URLSearchParams(Object.entries(fields).map(([key, value]) => [key, String(value)])).toString()
  }
  return readNodeBody(req, limit)
}

export function createNodeFetchHandler(
  handler: (request: Request) => Response | Promise<Response>,
  options: NodeFetchHandlerOptions = {},
): (req: NodeRequestLike, res: NodeFetchResponseLike) => Promise<void> {
  const limit = options.maxBodyBytes ?? 1024 * 1024
  // Never rejects: an unhandled rejection would crash Node, and Express would render its HTML error page.
  return async (req, res) => {
    let response: Response
    try {
      const { url, method, headers } = toRequestInit(req)
      const body = NO_BODY.has(method) ? undefined : await bodyOf(req, limit)
      if (!NO_BODY.has(method) && body === undefined) {
        response = new Response('Request body too large', { status: 413 })
      } else {
        // Node 20 typings want an ArrayBuffer-backed view; any Uint8Array is a valid body at run time.
        const init: RequestInit =
          body === undefined ? { method, headers } : { method, headers, body: body as BodyInit }
        response = await handler(new Request(url, init))
      }
    } catch {
      response = new Response('Internal error', { status: 500 })
    }
    if (res.headersSent) return
    res.statusCode = response.status
    const cookies = response.headers.getSetCookie()
    for (const [name, value] of response.headers) if (name !== 'set-cookie') res.setHeader(name, value)
    if (cookies.length > 0) res.setHeader('set-cookie', cookies)
    res.end(new Uint8Array(await response.arrayBuffer()))
  }
}
