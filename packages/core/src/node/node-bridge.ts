/**
 * @module
 * `createNodeHandler(webhooks)`: serves `(IncomingMessage, ServerResponse)` (Node's http server,
 * Express, Next.js Pages API routes) without re-encoding the body. It uses the raw bytes a
 * framework already kept (`req.rawBody`, or a Buffer/string `req.body`), and otherwise reads the
 * stream itself with the size limit. A body that a JSON parser already turned into an object is
 * refused with one clear message: verifying a re-serialised body would be wrong.
 *
 * ```ts
 * import { createServer } from 'node:http'
 * createServer(createNodeHandler(webhooks)).listen(3000)
 * ```
 * Structural types only: core imports nothing from Node.
 */
import { answerHeaders, internalError } from '../http/handle'
import { preflight, tooLarge } from '../http/preflight'
import { readLimited } from '../http/read-body'
import type { Webhooks } from '../webhooks/create-webhooks'
import { type Answer, failure } from '../webhooks/runtime'

export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  readonly method?: string | undefined
  readonly url?: string | undefined
  /** Express keeps the mount-independent URL here. */
  readonly originalUrl?: string | undefined
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>
  readonly socket?: { readonly remoteAddress?: string | undefined; readonly encrypted?: boolean } | undefined
  /** Express's client IP (honours `trust proxy`). */
  readonly ip?: string | undefined
  readonly rawBody?: unknown
  readonly body?: unknown
  readonly readableEnded?: boolean | undefined
  destroy?(): void
}

export interface NodeResponseLike {
  statusCode: number
  setHeader(name: string, value: string): unknown
  end(body?: string): unknown
  once?(event: 'finish', listener: () => void): unknown
}

export interface NodeHandlerOptions<C, Req, Res> {
  /** Builds the context handed to every handler (Express: `{ req, res }`). */
  readonly context?: ((req: Req, res: Res) => C) | undefined
  /** Names the mounting in the "already parsed" error (default: generic advice). */
  readonly parsedBodyAdvice?: string | undefined
  /** The package reporting the error. Default `@airudder-webhooks/core`. */
  readonly source?: string | undefined
}

const DEFAULT_ADVICE =
  'mount the webhook handler before any JSON body parser, or keep the raw body (req.rawBody)'

/** The raw bytes a framework kept, `'parsed'` when only a parsed object is left, or `undefined` to read the stream. */
function keptBody(req: NodeRequestLike): Uint8Array | string | 'parsed' | undefined {
  for (const candidate of [req.rawBody, req.body]) {
    if (candidate instanceof Uint8Array || typeof candidate === 'string') return candidate
  }
  const parsed = req.body !== undefined && req.body !== null && typeof req.body === 'object'
  if (parsed || req.readableEnded) return 'parsed'
  return undefined
}

function toHeaders(raw: NodeRequestLike['headers']): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue
    for (const item of typeof value === 'string' ? [value] : value) headers.append(name, item)
  }
  return headers
}

const encoder = new TextEncoder()

function single(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0]
}

function write(res: NodeResponseLike, answer: Answer): void {
  res.statusCode = answer.status
  for (const [name, value] of Object.entries(answerHeaders(answer))) res.setHeader(name, value)
  res.end(JSON.stringify(answer.body))
}

/** The part of a `Webhooks` object the bridge uses (the same whatever its event definitions). */
export type WebhookReceiver<C> = Pick<Webhooks<[], C>, 'maxBodyBytes' | 'logger' | 'verifyAndReceive'>

export function createNodeHandler<
  C,
  Req extends NodeRequestLike = NodeRequestLike,
  Res extends NodeResponseLike = NodeResponseLike,
>(
  webhooks: WebhookReceiver<C>,
  options: NodeHandlerOptions<C, Req, Res> = {},
): (req: Req, res: Res) => Promise<void> {
  const source = options.source ?? '@airudder-webhooks/core'
  const limit = webhooks.maxBodyBytes
  return async (req, res) => {
    const { headers } = req
    const early = preflight(
      req.method,
      single(headers['content-type']),
      single(headers['content-length']),
      limit,
    )
    if (early) return write(res, early)
    const kept = keptBody(req)
    if (kept === 'parsed') {
      const message = `${source}: the request body was already parsed (or read) by another middleware; ${options.parsedBodyAdvice ?? DEFAULT_ADVICE}`
      webhooks.logger?.error(message)
      return write(
        res,
        failure('body_already_parsed', 'The webhook endpoint is misconfigured: its body was already parsed'),
      )
    }
    let body: Uint8Array | undefined
    try {
      body = typeof kept === 'string' ? encoder.encode(kept) : (kept ?? (await readLimited(req, limit)))
    } catch {
      return write(res, failure('unreadable_body', 'The body could not be read to the end'))
    }
    if (body === undefined || body.byteLength > limit) {
      res.once?.('finish', () => req.destroy?.())
      return write(res, { ...tooLarge(limit), headers: { Connection: 'close' } })
    }
    const host = single(headers.host) ?? 'localhost'
    const url = `${req.socket?.encrypted ? 'https' : 'http'}://${host}${req.originalUrl ?? req.url ?? '/'}`
    try {
      const context = options.context?.(req, res) as C
      const answer = await webhooks.verifyAndReceive({
        body,
        headers: toHeaders(headers),
        url,
        ip: req.ip ?? req.socket?.remoteAddress,
        context,
      })
      write(res, answer)
    } catch (thrown) {
      write(res, internalError(webhooks.logger, thrown))
    }
  }
}
