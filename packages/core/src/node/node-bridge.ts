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
import type { Delivery } from '../webhooks/pipeline'
import { type Answer, failure, type Logger, messageOf } from '../webhooks/runtime'

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
  readonly headersSent?: boolean | undefined
  readonly writableEnded?: boolean | undefined
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

function write(res: NodeResponseLike, answer: Answer, logger: Logger | undefined): void {
  if (res.headersSent) {
    // A handler answered through `res` itself; the kit's answer cannot be sent any more.
    logger?.error(
      `@airudder-webhooks/core: a handler wrote the response itself; the kit's ${answer.status} was not sent`,
    )
    if (!res.writableEnded) res.end()
    return
  }
  res.statusCode = answer.status
  for (const [name, value] of Object.entries(answerHeaders(answer))) res.setHeader(name, value)
  res.end(JSON.stringify(answer.body))
}

/** The part of a `Webhooks` object the bridge uses (the same whatever its event definitions). */
export interface WebhookReceiver<C> {
  readonly maxBodyBytes: number
  readonly logger: Logger | undefined
  // Method syntax on purpose: an inbox receiver (its handlers get `{ entry, tx }`, not this context) still fits.
  verifyAndReceive(delivery: Delivery<C>): Promise<Answer>
}

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
  const { logger } = webhooks

  const answer = async (req: Req, res: Res): Promise<Answer> => {
    const { headers } = req
    const early = preflight(
      req.method,
      single(headers['content-type']),
      single(headers['content-length']),
      limit,
    )
    if (early) return early
    const kept = keptBody(req)
    if (kept === 'parsed') {
      const advice = options.parsedBodyAdvice ?? DEFAULT_ADVICE
      logger?.error(
        `${source}: the request body was already parsed (or read) by another middleware; ${advice}`,
      )
      return failure(
        'body_already_parsed',
        'The webhook endpoint is misconfigured: its body was already parsed',
      )
    }
    let body: Uint8Array | undefined
    try {
      body = typeof kept === 'string' ? encoder.encode(kept) : (kept ?? (await readLimited(req, limit)))
    } catch {
      return failure('unreadable_body', 'The body could not be read to the end')
    }
    if (body === undefined || body.byteLength > limit) {
      // Stop the sender: the rest of an oversize body is never read.
      res.once?.('finish', () => req.destroy?.())
      return { ...tooLarge(limit), headers: { Connection: 'close' } }
    }
    const host = single(headers.host) ?? 'localhost'
    const url = `${req.socket?.encrypted ? 'https' : 'http'}://${host}${req.originalUrl ?? req.url ?? '/'}`
    const context = options.context?.(req, res) as C
    const ip = req.ip ?? req.socket?.remoteAddress
    return webhooks.verifyAndReceive({ body, headers: toHeaders(headers), url, ip, context })
  }

  // Never rejects: an unhandled rejection would crash Node, and Express 5 would render its HTML error page.
  return async (req, res) => {
    try {
      write(res, await answer(req, res).catch((thrown: unknown) => internalError(logger, thrown)), logger)
    } catch (thrown) {
      logger?.error(`${source}: could not write the answer: ${messageOf(thrown)}`)
    }
  }
}
