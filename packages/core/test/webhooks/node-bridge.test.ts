import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createWebhooks, type Logger } from '../../src/index'
import { createNodeHandler } from '../../src/node'
import { KEY, signedCall } from './helpers'

type Prepare = (req: IncomingMessage & { rawBody?: unknown; body?: unknown }) => Promise<void> | void

let server: Server | undefined
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

async function serve(prepare: Prepare = () => undefined, maxBodyBytes = 64 * 1024) {
  const logged: string[] = []
  const logger: Logger = { warn: (_, m) => void logged.push(m), error: (_, m) => void logged.push(m) }
  const webhooks = createWebhooks<[], { path: string | undefined }>({ key: KEY, logger, maxBodyBytes })
  const handled: string[] = []
  webhooks.on(
    'workflow.call.completed',
    (event, context) => void handled.push(`${event.payload.TaskID} ${context.path}`),
  )
  const handler = createNodeHandler(webhooks, { context: (req) => ({ path: req.url }) })
  server = createServer(async (req, res) => {
    await prepare(req)
    await handler(req, res)
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/hook?x=1`, handled, logged }
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

const json = { 'content-type': 'application/json' }

async function serveWithResponseWritingHandler() {
  const logged: string[] = []
  const logger: Logger = { warn: (_, m) => void logged.push(m), error: (_, m) => void logged.push(m) }
  const webhooks = createWebhooks<[], { res: ServerResponse }>({ key: KEY, logger })
  webhooks.on('workflow.call.completed', (_event, { res }) => {
    res.writeHead(202, { 'content-type': 'text/plain' }).end('handled by the app')
  })
  const handler = createNodeHandler(webhooks, { context: (_req, res: ServerResponse) => ({ res }) })
  server = createServer((req, res) => void handler(req, res))
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, logged }
}

describe('createNodeHandler: the Node bridge', () => {
  it('never rejects or crashes when a handler answered through res itself', async () => {
    const { url, logged } = await serveWithResponseWritingHandler()
    const response = await fetch(url, { method: 'POST', headers: json, body: signedCall() })
    expect({ status: response.status, text: await response.text() }).toEqual({
      status: 202,
      text: 'handled by the app',
    })
    expect(logged).toEqual([
      "@airudder-webhooks/core: a handler wrote the response itself; the kit's answer was not sent",
    ])
  })

  it('reads the stream itself and passes the context', async () => {
    const { url, handled } = await serve()
    const response = await fetch(url, { method: 'POST', headers: json, body: signedCall() })
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: {} })
    expect(handled).toEqual(['490d5ec3c1xxxxxxxx2b759b5b /hook?x=1'])
  })

  it.each([
    ['req.rawBody (Buffer)', (req: any, raw: Buffer) => (req.rawBody = raw)],
    ['req.body (Buffer, as express.raw leaves it)', (req: any, raw: Buffer) => (req.body = raw)],
    [
      'req.body (string, as express.text leaves it)',
      (req: any, raw: Buffer) => (req.body = raw.toString('utf8')),
    ],
  ])('uses the raw bytes a framework kept in %s', async (_, keep) => {
    const { url, handled } = await serve(async (req) => void keep(req, await readAll(req)))
    const response = await fetch(url, { method: 'POST', headers: json, body: signedCall() })
    expect(response.status).toBe(200)
    expect(handled).toHaveLength(1)
  })

  it('refuses a body a JSON parser already turned into an object, and logs how to mount', async () => {
    const { url, handled, logged } = await serve(async (req) => {
      req.body = JSON.parse((await readAll(req)).toString('utf8'))
    })
    const response = await fetch(url, { method: 'POST', headers: json, body: signedCall() })
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 500,
      body: {
        error: {
          code: 'body_already_parsed',
          message: 'The webhook endpoint is misconfigured: its body was already parsed',
        },
      },
    })
    expect(handled).toEqual([])
    expect(logged).toEqual([
      '@airudder-webhooks/core: the request body was already parsed (or read) by another middleware; mount the webhook handler before any JSON body parser, or keep the raw body (req.rawBody)',
    ])
  })

  it('reads an unread stream even when a skipping body parser left req.body = {} (Express 4)', async () => {
    const { url, handled } = await serve((req) => {
      req.body = {}
    })
    const response = await fetch(url, { method: 'POST', headers: json, body: signedCall() })
    expect(response.status).toBe(200)
    expect(handled).toHaveLength(1)
  })

  it('refuses a stream another middleware drained without keeping the bytes', async () => {
    const { url } = await serve(async (req) => void (await readAll(req)))
    const response = await fetch(url, { method: 'POST', headers: json, body: signedCall() })
    expect(response.status).toBe(500)
  })

  it('stops reading a chunked body over the limit and closes the connection', async () => {
    const { url, handled } = await serve(undefined, 4096)
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(url, { method: 'POST', headers: json }, (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      })
      request.on('error', reject)
      let sent = 0
      const pump = () => {
        while (sent < 1024 * 1024 && request.write('x'.repeat(1024))) sent += 1024
        if (sent < 1024 * 1024) request.once('drain', pump)
        else request.end()
      }
      pump()
    }).catch(() => 413)
    expect(status).toBe(413)
    expect(handled).toEqual([])
  })

  it('gives every answer its length, so Node does not chunk it', async () => {
    const { url } = await serve()
    const ok = await fetch(url, { method: 'POST', headers: json, body: signedCall() })
    const refused = await fetch(url)
    for (const response of [ok, refused]) {
      const body = new Uint8Array(await response.arrayBuffer())
      expect(response.headers.get('content-length')).toBe(String(body.byteLength))
      expect(response.headers.get('transfer-encoding')).toBeNull()
    }
    expect([ok.status, refused.status]).toEqual([200, 405])
    expect(refused.headers.get('allow')).toBe('POST')
  })

  it('answers 405 and 415 before reading anything', async () => {
    const { url } = await serve()
    expect((await fetch(url)).status).toBe(405)
    expect(
      (await fetch(url, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } })).status,
    ).toBe(415)
  })
})
