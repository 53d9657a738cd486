import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { deflateSync, gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { createNodeHandler } from '../../src/node'
import { answer, post, quietWebhooks, signedCall } from './helpers'

function receiver(maxBodyBytes?: number) {
  const webhooks = quietWebhooks(maxBodyBytes ? { maxBodyBytes } : {})
  const tasks: string[] = []
  webhooks.on('workflow.call.completed', (event) => void tasks.push(event.payload.TaskID))
  return { webhooks, tasks }
}

describe('Content-Encoding', () => {
  it.each([
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['deflate', deflateSync],
    ['GZIP', gzipSync],
  ])('decodes a %s body and verifies the decoded bytes', async (coding, compress) => {
    const { webhooks, tasks } = receiver()
    const body = compress(signedCall())
    const response = await webhooks.handle(post(body, { 'content-encoding': coding }))
    expect(await answer(response)).toEqual({ status: 200, body: {} })
    expect(tasks).toEqual(['490d5ec3c1xxxxxxxx2b759b5b'])
  })

  it('decodes stacked codings, last applied first, and passes identity through', async () => {
    const { webhooks, tasks } = receiver()
    const body = deflateSync(gzipSync(signedCall()))
    expect(
      (await webhooks.handle(post(body, { 'content-encoding': 'gzip, identity, deflate' }))).status,
    ).toBe(200)
    expect(
      (await webhooks.handle(post(signedCall({ callId: 'c2' }), { 'content-encoding': 'identity' }))).status,
    ).toBe(200)
    expect(tasks).toHaveLength(2)
  })

  it('refuses other codings with a clear 415 that names what is accepted', async () => {
    const { webhooks, tasks } = receiver()
    const response = await webhooks.handle(post(signedCall(), { 'content-encoding': 'br' }))
    expect(await answer(response)).toEqual({
      status: 415,
      body: {
        error: {
          code: 'unsupported_media_type',
          message: "Content-Encoding 'br' is not supported; send gzip, deflate or no encoding",
        },
      },
    })
    expect(tasks).toEqual([])
  })

  it('applies the size limit to the decoded bytes (a small gzip bomb is 413)', async () => {
    const { webhooks, tasks } = receiver(64 * 1024)
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024, 32))
    expect(bomb.byteLength).toBeLessThan(64 * 1024)
    const response = await webhooks.handle(post(bomb, { 'content-encoding': 'gzip' }))
    expect(await answer(response)).toMatchObject({
      status: 413,
      body: { error: { code: 'payload_too_large' } },
    })
    expect(tasks).toEqual([])
  })

  it('answers 400 for a body that is not what its Content-Encoding says', async () => {
    const { webhooks } = receiver()
    const response = await webhooks.handle(post(signedCall(), { 'content-encoding': 'gzip' }))
    expect(await answer(response)).toEqual({
      status: 400,
      body: {
        error: {
          code: 'unreadable_body',
          message: 'The body is not valid gzip data (Content-Encoding: gzip)',
        },
      },
    })
  })

  describe('through the Node bridge over real HTTP', () => {
    let server: Server | undefined
    afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

    it('decodes a gzip body read from the socket', async () => {
      const { webhooks, tasks } = receiver()
      server = createServer(createNodeHandler(webhooks))
      await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
      const { port } = server.address() as AddressInfo
      const body = gzipSync(signedCall())
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const req = httpRequest({ port, host: '127.0.0.1', method: 'POST', path: '/hook' }, (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode))
        })
        req.on('error', reject)
        req.setHeader('content-type', 'application/json')
        req.setHeader('content-encoding', 'gzip')
        req.end(body)
      })
      expect(status).toBe(200)
      expect(tasks).toEqual(['490d5ec3c1xxxxxxxx2b759b5b'])
    })
  })
})
