import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  type ConformanceDriver,
  FIXTURES,
  KEY,
  runConformance,
  type Send,
  type SentRequest,
  signedDelivery,
  verifyRules,
  WEBHOOK_PATH,
} from '@airudder-webhooks/conformance'
import type { Webhooks } from '@airudder-webhooks/core'
import type { NextApiRequest, NextApiResponse } from 'next'
import { afterAll, describe, expect, it } from 'vitest'
import { airudder, createPagesHandler, createWebhooks } from '../src/index'

/** An ArrayBuffer-backed copy, whatever the suite passed: a valid `BodyInit`. */
const bodyOf = (body: SentRequest['body']) =>
  typeof body === 'string' || body === undefined ? body : new Uint8Array(body)

runConformance({
  name: 'next (App Router)',
  mount(webhooks: Webhooks): Send {
    // GET goes to the same POST function too: it must answer 405 itself.
    const POST = airudder(webhooks)
    return async ({ method, path, headers, body }) => {
      const response = await POST(
        new Request(`http://localhost${path}`, { method, headers, body: bodyOf(body) ?? null }),
      )
      return { status: response.status, body: await response.json() }
    }
  },
})

const servers: Server[] = []
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
})

type PagesHandler = (req: NextApiRequest, res: NextApiResponse) => Promise<void>

/** What Next's default body parser does to a JSON request before the API route runs. */
async function parseLikeNext(req: IncomingMessage): Promise<void> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
}

/** Serves the Pages API route over real HTTP on 127.0.0.1, as Next's apiResolver would call it. */
async function serve(handler: PagesHandler, options: { bodyParser?: boolean } = {}): Promise<Send> {
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    if (options.bodyParser) await parseLikeNext(req)
    Object.assign(req, { query: {}, cookies: {} })
    // Next's own request and response types; the helpers it adds (res.json, …) are not used.
    await handler(req as NextApiRequest, res as NextApiResponse)
  })
  servers.push(server)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return async ({ method, path, headers, body }) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers,
      body: bodyOf(body) ?? null,
      signal: AbortSignal.timeout(5000),
    })
    return { status: response.status, body: await response.json() }
  }
}

const pagesDriver: ConformanceDriver = {
  name: 'next (Pages Router)',
  mount: (webhooks) => serve(createPagesHandler(webhooks)),
  mountAfterJsonParser: (webhooks) => serve(createPagesHandler(webhooks), { bodyParser: true }),
}
runConformance(pagesDriver)

describe('next adapter', () => {
  const delivery = signedDelivery(...FIXTURES[0])
  const taskId = JSON.parse(delivery.body).TaskID

  it('hands App Router handlers the request Next.js passed in', async () => {
    const webhooks = createWebhooks({ key: KEY, verify: verifyRules, logger: false })
    const seen: Request[] = []
    webhooks.on('workflow.call.completed', (_event, { request }) => void seen.push(request))
    const POST = airudder(webhooks)
    const request = new Request(`http://localhost${delivery.path}`, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
    })
    expect((await POST(request)).status).toBe(200)
    expect(seen).toHaveLength(1)
    expect(seen[0]).toBe(request)
  })

  it('hands Pages Router handlers a Request with the method, URL and headers', async () => {
    const webhooks = createWebhooks({ key: KEY, verify: verifyRules, logger: false })
    const seen: string[] = []
    webhooks.on('workflow.call.completed', (event, { request }) => {
      const url = new URL(request.url)
      seen.push(
        `${event.payload.TaskID} ${request.method} ${url.pathname} ${request.headers.get('user-agent')}`,
      )
    })
    const send = await serve(createPagesHandler(webhooks))
    expect(await send({ method: 'POST', ...delivery })).toEqual({ status: 200, body: {} })
    expect(seen).toEqual([`${taskId} POST ${WEBHOOK_PATH} Airudder`])
  })

  it('logs the `config` literal to add when Next.js already parsed the body', async () => {
    const logged: string[] = []
    const log = (_fields: object, line: string) => void logged.push(line)
    const logger = { warn: log, error: log }
    const webhooks = createWebhooks({ key: KEY, verify: verifyRules, logger })
    const send = await serve(createPagesHandler(webhooks), { bodyParser: true })
    expect(await send({ method: 'POST', ...delivery })).toMatchObject({
      status: 500,
      body: { error: { code: 'body_already_parsed' } },
    })
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatch(/^@airudder-webhooks\/next: /)
    expect(logged[0]).toContain('export const config = { api: { bodyParser: false } }')
  })
})
