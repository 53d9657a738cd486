/**
 * @module
 * The HTTP edge, written once for every server: method, content type and declared size first
 * (405/415/413 before a byte is read, and 415 for a Content-Encoding other than gzip or deflate),
 * then a body a framework already consumed (500, with advice on mounting: a re-encoded body is never
 * verified), then the bounded read (400 when it breaks off, 413 past the limit), then gzip/deflate
 * decoding (the limit applies to the decoded bytes), then the pipeline; a bug anywhere still answers (500, no stack trace).
 * `handle(Request)` and the Node bridge differ only in how they read a body.
 */
import type { Delivery } from '../webhooks/pipeline'
import { type Answer, errorText, failure, type Logger, OK } from '../webhooks/runtime'
import { decodeBody, refuseEncoding } from './decode-body'
import { preflight, tooLarge } from './preflight'

/** Names the adapter in the one error a user must fix in their own code: a body read before the kit. */
export interface AdapterInfo {
  /** The package reporting, e.g. `@airudder-webhooks/express`. */
  readonly name: string
  /** How to mount it so the raw body reaches the kit. */
  readonly mounting: string
}

/** One request as a server hands it over; the body is read only after the cheap checks pass. */
export interface IncomingRequest<C> {
  readonly method: string | undefined
  readonly contentType: string | null | undefined
  readonly contentLength: string | null | undefined
  /** gzip and deflate are decoded (the limit applies to the decoded bytes); `undefined` when a framework already did. */
  readonly contentEncoding: string | null | undefined
  /** True when a framework read (or parsed) the body before the kit. */
  readonly consumed: boolean
  /** The raw body, read with the limit; `undefined` when it is larger. May reject (the client broke off). */
  readBody(limit: number): Promise<Uint8Array | undefined> | Uint8Array | undefined
  /** The rest of the delivery, built only for a body that passed the checks. */
  delivery(body: Uint8Array): Delivery<C>
}

/** The part of a receiver the edge drives. */
export interface EdgeReceiver<C> {
  readonly maxBodyBytes: number
  readonly logger: Logger | undefined
  verifyAndReceive(delivery: Delivery<C>): Promise<Answer>
}

const CORE: AdapterInfo = {
  name: '@airudder-webhooks/core',
  mounting: 'mount the webhook handler before any JSON body parser, or keep the raw body (req.rawBody)',
}

/** Answers one request; never rejects. */
export async function answerRequest<C>(
  receiver: EdgeReceiver<C>,
  request: IncomingRequest<C>,
  adapter: AdapterInfo = CORE,
): Promise<Answer> {
  const limit = receiver.maxBodyBytes
  const early = preflight(request.method, request.contentType, request.contentLength, limit)
  if (early) return early
  const encoding = refuseEncoding(request.contentEncoding)
  if (encoding) return encoding
  if (request.consumed) {
    receiver.logger?.error(
      {},
      `${adapter.name}: the request body was already parsed (or read) by another middleware; ${adapter.mounting}`,
    )
    return failure(
      'body_already_parsed',
      'The webhook endpoint is misconfigured: its body was already parsed',
    )
  }
  let body: Uint8Array | undefined
  try {
    body = await request.readBody(limit)
  } catch {
    return failure('unreadable_body', 'The body could not be read to the end')
  }
  if (body === undefined || body.byteLength > limit) return tooLarge(limit)
  if (request.contentEncoding) {
    const decoded = await decodeBody(body, request.contentEncoding, limit)
    if (!(decoded instanceof Uint8Array)) return decoded
    body = decoded
  }
  try {
    return await receiver.verifyAndReceive(request.delivery(body))
  } catch (thrown) {
    return internalError(receiver.logger, thrown)
  }
}

/** A bug in the kit or a store must still answer (500: AIRudder retries), without a stack trace. */
export function internalError(logger: Logger | undefined, thrown: unknown): Answer {
  logger?.error(
    { error: errorText(thrown) },
    '@airudder-webhooks/core: internal error while handling a delivery',
  )
  return failure('internal_error', 'The delivery could not be processed; AIRudder will retry')
}

const CONTENT_TYPE = 'application/json; charset=utf-8'
/** Every successful delivery gets the same answer: its text and headers are made once. */
const OK_TEXT = JSON.stringify(OK.body)
const OK_HEADERS: Readonly<Record<string, string>> = { 'Content-Type': CONTENT_TYPE }

/** The headers every answer carries: JSON, plus its own (`Allow`, `Retry-After`, …). */
export function answerHeaders(answer: Answer): Readonly<Record<string, string>> {
  return answer === OK ? OK_HEADERS : { 'Content-Type': CONTENT_TYPE, ...answer.headers }
}

/** The answer's body as sent. */
export function answerText(answer: Answer): string {
  return answer === OK ? OK_TEXT : JSON.stringify(answer.body)
}
