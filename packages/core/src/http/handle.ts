/**
 * @module
 * `handle(request) -> Response`: the edge over Web-standard objects, so it runs in any runtime
 * (Node 20+, Bun, Deno, edge workers) and is the route handler of Hono and Next.js as is.
 *
 * ```ts
 * export const POST = (request: Request) => webhooks.handle(request)
 * ```
 */
import type { Answer } from '../webhooks/runtime'
import { type AdapterInfo, answerHeaders, answerRequest, answerText, type EdgeReceiver } from './edge'
import { readWebBody } from './read-body'

export interface HandleOptions<C> {
  /** The client IP, for `ipAllowlist` (Web requests do not carry it). */
  readonly ip?: string | undefined
  /** Handed to every handler as its second argument. */
  readonly context?: C | undefined
  /** Set by adapters: who reports a body read before the kit, and how to mount it instead. */
  readonly adapter?: AdapterInfo | undefined
}

export function toResponse(answer: Answer): Response {
  return new Response(answerText(answer), { status: answer.status, headers: answerHeaders(answer) })
}

export async function handleRequest<C>(
  receiver: EdgeReceiver<C>,
  request: Request,
  options: HandleOptions<C> = {},
): Promise<Response> {
  const { headers } = request
  const length = headers.get('content-length')
  const answer = await answerRequest(
    receiver,
    {
      method: request.method,
      contentType: headers.get('content-type'),
      contentLength: length,
      contentEncoding: headers.get('content-encoding'),
      consumed: request.bodyUsed,
      // A declared length was checked against the limit, and runtimes deliver exactly that many bytes,
      // so arrayBuffer() is bounded too; it is much faster on Node adapters than a Web stream.
      readBody: async (limit) =>
        length !== null ? new Uint8Array(await request.arrayBuffer()) : readWebBody(request.body, limit),
      delivery: (body) => ({ body, headers, url: request.url, ip: options.ip, context: options.context }),
    },
    options.adapter,
  )
  return toResponse(answer)
}
