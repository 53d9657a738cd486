import {
  FIXTURES,
  KEY,
  signedDelivery,
  URL_TOKEN,
  verifyRules,
  WEBHOOK_PATH,
} from '@airudder-webhooks/conformance'
import type { AirudderEvent, LogFields } from '@airudder-webhooks/core'
import express from 'express'
import express4 from 'express4'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { airudder, airudderRouter, createWebhooks } from '../src/index'
import { sendTo } from './send'

const completed = signedDelivery(...FIXTURES[0])
const pdsContact = signedDelivery(...FIXTURES[2])

function setup() {
  const logged: string[] = []
  const log = (fields: LogFields, message: string) => void logged.push(`${message} ${JSON.stringify(fields)}`)
  const webhooks = createWebhooks({ key: KEY, verify: verifyRules, logger: { warn: log, error: log } })
  const received: AirudderEvent[] = []
  webhooks.onAny((event) => void received.push(event))
  return { webhooks, received, logged }
}

const post = (delivery: { path: string; headers: Readonly<Record<string, string>>; body: string }) =>
  ({ method: 'POST', ...delivery }) as const

describe.each([
  ['express 5', express],
  ['express 4', express4],
] as const)('%s', (_name, framework) => {
  it('verifies on app.post() while express.json() parses other routes', async () => {
    const { webhooks, received } = setup()
    const app = framework()
    app.post('/orders', framework.json(), (req, res) => void res.json({ echoed: req.body }))
    app.post(WEBHOOK_PATH, airudder(webhooks))
    app.use(framework.json()) // app-level, but after the webhook route: it never sees the delivery
    const send = sendTo(app)

    expect(await send(post(completed))).toEqual({ status: 200, body: {} })
    expect(received).toMatchObject([{ type: 'workflow.call.completed', raw: completed.body }])
    const order = { method: 'POST', path: '/orders', headers: { 'content-type': 'application/json' } }
    expect(await send({ ...order, body: '{"id":7}' })).toEqual({ status: 200, body: { echoed: { id: 7 } } })
  })

  it('verifies the Buffer that express.raw() kept on the route', async () => {
    const { webhooks, received } = setup()
    const bodies: unknown[] = []
    webhooks.onAny((_event, { req }) => void bodies.push(req.body))
    const app = framework()
    app.post(WEBHOOK_PATH, framework.raw({ type: 'application/json' }), airudder(webhooks))
    const reply = await sendTo(app)({ ...post(completed), body: new TextEncoder().encode(completed.body) })

    expect(reply).toEqual({ status: 200, body: {} })
    expect(received).toMatchObject([{ type: 'workflow.call.completed', raw: completed.body }])
    expect(Buffer.isBuffer(bodies[0])).toBe(true)
  })

  it('refuses a body express.json() parsed first, with one log line saying how to mount', async () => {
    const { webhooks, received, logged } = setup()
    const app = framework().use(framework.json())
    app.post(WEBHOOK_PATH, airudder(webhooks))

    const reply = await sendTo(app)(post(completed))
    expect(reply).toMatchObject({ status: 500, body: { error: { code: 'body_already_parsed' } } })
    expect(received).toEqual([])
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatch(/^@airudder-webhooks\/express: .*mount airudder\(\) before express\.json\(\)/)
    expect(logged[0]).toContain('express.raw({ type: "application/json" })')
  })

  it('ignores a body parser that skipped the delivery (Express 4 leaves `req.body = {}`)', async () => {
    const { webhooks, received } = setup()
    const app = framework().use(framework.urlencoded({ extended: false }))
    app.post(WEBHOOK_PATH, airudder(webhooks))

    expect(await sendTo(app)(post(completed))).toEqual({ status: 200, body: {} })
    expect(received).toHaveLength(1)
  })

  it('hands handlers the typed { req, res } of the delivery', async () => {
    const { webhooks } = setup()
    const seen: unknown[] = []
    webhooks.on('workflow.call.completed', (event, { req, res }) => {
      seen.push([event.payload.TaskID, req.get('user-agent'), req.method, res.headersSent])
    })
    const app = framework()
    app.post(WEBHOOK_PATH, airudder(webhooks))

    expect(await sendTo(app)(post(completed))).toEqual({ status: 200, body: {} })
    expect(seen).toEqual([['490d5ec3c1xxxxxxxx2b759b5b', 'Airudder', 'POST', false]])
  })

  it('never calls next() on a request it answered', async () => {
    const { webhooks } = setup()
    webhooks.on('workflow.call.completed', () => {
      throw new Error('handler down')
    })
    const passedOn: string[] = []
    const app = framework()
    app.post(WEBHOOK_PATH, airudder(webhooks), (req, res) => {
      passedOn.push(req.path)
      res.status(418).end()
    })
    const send = sendTo(app)

    expect(await send(post(completed))).toMatchObject({
      status: 500,
      body: { error: { code: 'handler_failed' } },
    })
    expect(await send({ ...post(completed), body: '{' })).toMatchObject({ status: 400 })
    expect(passedOn).toEqual([])
  })

  it("answers an unexpected failure with a 500 JSON body, never Express's HTML error page", async () => {
    const { webhooks, logged } = setup()
    const broken = {
      ...webhooks,
      verifyAndReceive: async () => {
        throw new Error('database unreachable')
      },
    }
    const app = framework()
    app.post(WEBHOOK_PATH, airudder(broken))
    const response = await request(app).post(completed.path).set(completed.headers).send(completed.body)

    expect(response.status).toBe(500)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    expect(response.body).toEqual({ error: { code: 'internal_error', message: expect.any(String) } })
    expect(response.text).not.toMatch(/<html|\n\s+at /i)
    expect(logged.join('\n')).toContain('database unreachable')
  })

  it('survives a handler that answered through res itself (no crash, no unhandled rejection)', async () => {
    const { webhooks, logged } = setup()
    webhooks.on('workflow.call.completed', (_event, { res }) => void res.status(202).json({ mine: true }))
    const app = framework()
    app.post(WEBHOOK_PATH, airudder(webhooks))

    expect(await sendTo(app)(post(completed))).toEqual({ status: 202, body: { mine: true } })
    expect(logged.at(-1)).toMatch(/^@airudder-webhooks\/core: a handler wrote the response itself/)
  })

  describe('airudderRouter', () => {
    it('answers every method on its path and passes other paths to next()', async () => {
      const { webhooks, received } = setup()
      const app = framework().use(airudderRouter(webhooks))
      app.get('/health', (_req, res) => void res.send('ok'))
      const send = sendTo(app)

      expect(await send({ method: 'GET', path: '/health', headers: {} })).toEqual({ status: 200, body: 'ok' })
      expect(await send({ method: 'GET', path: '/elsewhere', headers: {} })).toMatchObject({ status: 404 })
      expect(await send({ ...post(completed), path: `${WEBHOOK_PATH}/more` })).toMatchObject({ status: 404 })
      expect(await send({ method: 'PUT', path: WEBHOOK_PATH, headers: {} })).toMatchObject({
        status: 405,
        body: { error: { code: 'method_not_allowed' } },
      })
      expect(await send({ ...post(completed), path: `${WEBHOOK_PATH}/` })).toEqual({ status: 200, body: {} })
      expect(received).toHaveLength(1)
    })

    it('takes a path relative to its mount point and verifies URL tokens against the full URL', async () => {
      const { webhooks, received } = setup()
      const app = framework().use('/api', airudderRouter(webhooks, { path: '/airudder' }))
      const send = sendTo(app)
      const path = `/api/airudder?token=${URL_TOKEN}`

      expect(await send({ ...post(pdsContact), path })).toEqual({ status: 200, body: {} })
      expect(await send({ ...post(completed), path: WEBHOOK_PATH })).toMatchObject({ status: 404 })
      expect(received).toMatchObject([{ type: 'pds.contact.status' }])
    })
  })
})

it('refuses a router path that does not start with a slash', () => {
  const { webhooks } = setup()
  expect(() => airudderRouter(webhooks, { path: 'webhooks' })).toThrow(/path must start with '\/'/)
})
