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
import { type AdapterInfo, answerHeaders, answerRequest, answerText, internalError } from '../http/edge'
import type { Receiver } from '../http/receiver'
import { type Answer, errorText, type Logger, OK } from '../webhooks/runtime'
import { type NodeStreamLike, readNodeBody } from './read-stream'

export interface NodeRequestLike extends NodeStreamLike {
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
  readonly headersSent?: boolean | undefined
  readonly writableEnded?: boolean | undefined
  setHeader(name: string, value: string): unknown
  /** Node's: the status and every header in one call, cheaper than a `setHeader` each. */
  writeHead?(status: number, headers: Readonly<Record<string, string>>): unknown
  end(body?: string): unknown
  once?(event: 'finish', listener: () => void): unknown
}

export interface NodeHandlerOptions<C, Req, Res> {
  /** Builds the context handed to every handler (Express: `{ req, res }`). */
  readonly context?: ((req: Req, res: Res) => C) | undefined
  /** The client IP, for `ipAllowlist`. Default: `req.ip` (Express, honouring `trust proxy`), else the socket's. */
  readonly ip?: ((req: Req) => string | undefined) | undefined
  /** Set by adapters: who reports a body read before the kit, and how to mount it instead. */
  readonly adapter?: AdapterInfo | undefined
}

/**
 * The raw bytes a framework kept, `'parsed'` when the stream was consumed and only a parsed object
 * (or nothing) is left, or `undefined` to read the stream. An unread stream is the truth even when
 * `req.body` is set: Express 4's body parsers put `{}` there on requests they skip.
 */
function keptBody(req: NodeRequestLike): Uint8Array | string | 'parsed' | undefined {
  for (const candidate of [req.rawBody, req.body]) {
    if (candidate instanceof Uint8Array || typeof candidate === 'string') return candidate
  }
  return req.readableEnded ? 'parsed' : undefined
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

/** An answer's headers with its length: a known length spares Node chunked encoding. */
function sizedHeaders(answer: Answer, text: string): Readonly<Record<string, string>> {
  return { ...answerHeaders(answer), 'Content-Length': String(encoder.encode(text).byteLength) }
}

/** Every successful delivery gets the same answer: its sized headers are made once. */
const OK_HEADERS = sizedHeaders(OK, answerText(OK))

function write(res: NodeResponseLike, answer: Answer, logger: Logger | undefined): void {
  if (res.headersSent) {
    // A handler answered through `res` itself; the kit's answer cannot be sent any more.
    logger?.error(
      { status: answer.status },
      "@airudder-webhooks/core: a handler wrote the response itself; the kit's answer was not sent",
    )
    if (!res.writableEnded) res.end()
    return
  }
  const text = answerText(answer)
  const headers = answer === OK ? OK_HEADERS : sizedHeaders(answer, text)
  if (res.writeHead) res.writeHead(answer.status, headers)
  else {
    res.statusCode = answer.status
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  }
  res.end(text)
}

export function createNodeHandler<
  C,
  Req extends NodeRequestLike = NodeRequestLike,
  Res extends NodeResponseLike = NodeResponseLike,
>(
  webhooks: Receiver<C>,
  options: NodeHandlerOptions<C, Req, Res> = {},
): (req: Req, res: Res) => Promise<void> {
  const source = options.adapter?.name ?? '@airudder-webhooks/core'
  const { logger } = webhooks

  const answer = (req: Req, res: Res): Promise<Answer> => {
    const { headers } = req
    const kept = keptBody(req)
    return answerRequest(
      webhooks,
      {
        method: req.method,
        contentType: single(headers['content-type']),
        contentLength: single(headers['content-length']),
        // Bytes a framework kept (express.raw()) were already inflated by it; the stream never is.
        contentEncoding: kept === undefined ? single(headers['content-encoding']) : undefined,
        consumed: kept === 'parsed',
        readBody: (limit) =>
          typeof kept === 'string'
            ? encoder.encode(kept)
            : kept instanceof Uint8Array
              ? kept
              : readNodeBody(req, limit),
        delivery: (body) => {
          const host = single(headers.host) ?? 'localhost'
          const url = `${req.socket?.encrypted ? 'https' : 'http'}://${host}${req.originalUrl ?? req.url ?? '/'}`
          const context = options.context?.(req, res) as C
          const ip = options.ip ? options.ip(req) : (req.ip ?? req.socket?.remoteAddress)
          return { body, headers: toHeaders(headers), url, ip, context }
        },
      },
      options.adapter,
    )
  }

  // Never rejects: an unhandled rejection would crash Node, and Express 5 would render its HTML error page.
  return async (req, res) => {
    try {
      let answered = await answer(req, res).catch((thrown: unknown) => internalError(logger, thrown))
      if (answered.status === 413) {
        // Stop the sender: the rest of an oversize body is never read.
        res.once?.('finish', () => req.destroy?.())
        answered = { ...answered, headers: { ...answered.headers, Connection: 'close' } }
      }
      write(res, answered, logger)
    } catch (thrown) {
      logger?.error({ error: errorText(thrown) }, `${source}: could not write the answer`)
    }
  }
}
