/** The Node bridge for any Web handler, over a real HTTP server. */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createNodeFetchHandler } from '../../src/node'

let server: Server | undefined
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

async function serve(prepare: (req: IncomingMessage) => Promise<void> | void = () => undefined) {
  const seen: { method: string; url: string; body: string; cookie: string | null }[] = []
  const handler = createNodeFetchHandler(async (request) => {
    seen.push({
      method: request.method,
      url: request.url,
      body: await request.text(),
      cookie: request.headers.get('cookie'),
    })
    const headers = new Headers({ 'content-type': 'text/html; charset=utf-8' })
    headers.append('set-cookie', 'a=1; Path=/')
    headers.append('set-cookie', 'b=2; Path=/')
    return new Response('<p>é</p>', { status: 201, headers })
  })
  server = createServer(async (req, res) => {
    await prepare(req)
    await handler(req, res)
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

describe('createNodeFetchHandler', () => {
  it('passes method, full URL, headers and body, and writes status, body and every cookie', async () => {
    const { base, seen } = await serve()
    const response = await fetch(`${base}/ops/inbox?view=event`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'c=3' },
      body: 'action=requeue&id=x',
    })
    expect(response.status).toBe(201)
    expect(await response.text()).toBe('<p>é</p>')
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/'])
    expect(seen).toEqual([
      { method: 'POST', url: `${base}/ops/inbox?view=event`, body: 'action=requeue&id=x', cookie: 'c=3' },
    ])
  })

  it("keeps Express's mount path (originalUrl) and re-encodes a form a parser already read", async () => {
    const { base, seen } = await serve(async (req) => {
      for await (const _ of req) void _
      Object.assign(req, {
        originalUrl: '/mounted/here?x=1',
        url: '/?x=1',
        body: { action: 'requeue', id: 'a b' },
      })
    })
    await fetch(`${base}/?x=1`, { method: 'POST', body: 'ignored' })
    expect(seen[0]).toMatchObject({ url: `${base}/mounted/here?x=1`, body: 'action=requeue&id=a+b' })
  })
})
