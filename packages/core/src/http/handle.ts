/**
 * @module
 * `handle(request) -> Response`: the whole pipeline over Web-standard objects, so it runs in any
 * runtime (Node 18+, Bun, Deno, edge workers) and is the route handler of Hono and Next.js as is.
 *
 * ```ts
 * export const POST = (request: Request) => webhooks.handle(request)
 * ```
 */
import type { Definitions } from '../events/catalogue'
import { verifyAndReceive } from '../webhooks/pipeline'
import { type Answer, failure, type Logger, messageOf, type Runtime } from '../webhooks/runtime'
import { preflight, tooLarge } from './preflight'
import { readWebBody } from './read-body'

export interface HandleOptions<C> {
  /** The client IP, for `ipAllowlist` (Web requests do not carry it). */
  readonly ip?: string | undefined
  /** Handed to every handler as its second argument. */
  readonly context?: C | undefined
}

/** The headers every answer carries: JSON, plus its own (`Allow`, `Retry-After`, …). */
export function answerHeaders(answer: Answer): Record<string, string> {
  return { 'Content-Type': 'application/json; charset=utf-8', ...answer.headers }
}

export function toResponse(answer: Answer): Response {
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers: answerHeaders(answer) })
}

export async function handleRequest<D extends Definitions, C>(
  runtime: Runtime<D>,
  request: Request,
  options: HandleOptions<C> = {},
): Promise<Response> {
  return toResponse(await answerRequest(runtime, request, options))
}

async function answerRequest<D extends Definitions, C>(
  runtime: Runtime<D>,
  request: Request,
  options: HandleOptions<C>,
): Promise<Answer> {
  const { headers } = request
  const limit = runtime.maxBodyBytes
  const length = headers.get('content-length')
  const early = preflight(request.method, headers.get('content-type'), length, limit)
  if (early) return early
  let body: Uint8Array | undefined
  try {
    // A declared length was checked against the limit, and runtimes deliver exactly that many bytes,
    // so arrayBuffer() is bounded too; it is much faster on Node adapters than a Web stream.
    body =
      length !== null ? new Uint8Array(await request.arrayBuffer()) : await readWebBody(request.body, limit)
    if (body !== undefined && body.byteLength > limit) body = undefined
  } catch {
    return failure('unreadable_body', 'The body could not be read to the end')
  }
  if (body === undefined) return tooLarge(limit)
  try {
    return await verifyAndReceive(runtime, {
      body,
      headers,
      url: request.url,
      ip: options.ip,
      context: options.context,
    })
  } catch (thrown) {
    return internalError(runtime.logger, thrown)
  }
}

/** A bug in the kit or a store must still answer (500: AIRudder retries), without a stack trace. */
export function internalError(logger: Logger | undefined, thrown: unknown): Answer {
  logger?.error(`@airudder-webhooks/core: internal error while handling a delivery: ${messageOf(thrown)}`)
  return failure('internal_error', 'The delivery could not be processed; AIRudder will retry')
}
