import {
  type ConformanceDriver,
  FIXTURES,
  KEY,
  runConformance,
  type Send,
  signedDelivery,
  verifyRules,
  WEBHOOK_PATH,
} from '@airudder-webhooks/conformance'
import { createWebhooks as createCoreWebhooks, ipAllowlist, type Webhooks } from '@airudder-webhooks/core'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { airudder, createWebhooks } from '../src/index'

/** Sends through Hono's own request pipeline (`app.request`), no socket involved. */
function sender(app: Hono): Send {
  return async ({ method, path, headers, body }) => {
    // A copy, so the bytes are an ArrayBuffer-backed BodyInit whatever the suite passed.
    const payload = typeof body === 'string' || body === undefined ? body : new Uint8Array(body)
    const response = await app.request(path, { method, headers, body: payload ?? null })
    return { status: response.status, body: await response.json() }
  }
}

const driver: ConformanceDriver = {
  name: 'hono',
  mount(webhooks: Webhooks) {
    return sender(new Hono().all(WEBHOOK_PATH, airudder(webhooks)))
  },
  mountAfterJsonParser(webhooks: Webhooks) {
    const app = new Hono()
    app.use(WEBHOOK_PATH, async (c, next) => {
      await c.req.json()
      await next()
    })
    return sender(app.all(WEBHOOK_PATH, airudder(webhooks)))
  },
}

runConformance(driver)

describe('hono adapter', () => {
  it("hands every handler Hono's Context", async () => {
    const webhooks = createWebhooks({ key: KEY, verify: verifyRules, logger: false })
    const seen: string[] = []
    webhooks.on('workflow.call.completed', (event, c) => {
      seen.push(`${event.payload.TaskID} ${c.req.header('user-agent')} ${c.req.path}`)
    })
    const app = new Hono().post(WEBHOOK_PATH, airudder(webhooks))
    const delivery = signedDelivery(...FIXTURES[0])
    const response = await app.request(delivery.path, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
    })
    expect(response.status).toBe(200)
    expect(seen).toEqual([`${JSON.parse(delivery.body).TaskID} Airudder ${WEBHOOK_PATH}`])
  })

  it('passes the client IP from the ip option to the verifiers', async () => {
    const webhooks = createCoreWebhooks({
      key: KEY,
      logger: false,
      verify: { '*': ipAllowlist(['10.1.2.3']) },
    })
    const app = new Hono().post(WEBHOOK_PATH, airudder(webhooks, { ip: (c) => c.req.header('x-test-ip') }))
    const send = (ip: string) =>
      app.request(WEBHOOK_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-test-ip': ip },
        body: '{"hello":"world"}',
      })
    expect((await send('10.1.2.3')).status).toBe(200)
    expect((await send('10.9.9.9')).status).toBe(401)
  })

  it('logs which middleware to move when the body was already read', async () => {
    const logged: string[] = []
    const webhooks = createWebhooks({
      key: KEY,
      verify: verifyRules,
      logger: { warn: (_, line) => logged.push(line), error: (_, line) => logged.push(line) },
    })
    const app = new Hono()
    app.use(async (c, next) => {
      await c.req.text()
      await next()
    })
    app.post(WEBHOOK_PATH, airudder(webhooks))
    const delivery = signedDelivery(...FIXTURES[0])
    const response = await app.request(delivery.path, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
    })
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await response.json()).toMatchObject({ error: { code: 'body_already_parsed' } })
    expect(logged).toEqual([expect.stringMatching(/^@airudder-webhooks\/hono: .*mount airudder\(\)/)])
  })

  it('serves real HTTP through @hono/node-server', async () => {
    const webhooks = createWebhooks({ key: KEY, verify: verifyRules, logger: false })
    const types: string[] = []
    webhooks.onAny((event) => void types.push(event.type))
    const app = new Hono().post(WEBHOOK_PATH, airudder(webhooks))
    app.use('/parsed', async (c, next) => {
      await c.req.json()
      await next()
    })
    app.post('/parsed', airudder(webhooks))
    const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
      (resolve) => {
        const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
          resolve({ server, port: info.port }),
        )
      },
    )
    try {
      const post = async (tamper: boolean, path = WEBHOOK_PATH) => {
        const delivery = signedDelivery(...FIXTURES[0], { tamper })
        const response = await fetch(`http://127.0.0.1:${port}${delivery.path.replace(WEBHOOK_PATH, path)}`, {
          method: 'POST',
          headers: delivery.headers,
          body: delivery.body,
          signal: AbortSignal.timeout(5000),
        })
        return { status: response.status, body: await response.json() }
      }
      expect(await post(true)).toMatchObject({ status: 401, body: { error: { code: 'invalid_signature' } } })
      expect(await post(false)).toEqual({ status: 200, body: {} })
      expect(types).toEqual(['workflow.call.completed'])
      expect(await post(false, '/parsed')).toMatchObject({
        status: 500,
        body: { error: { code: 'body_already_parsed' } },
      })
      expect(types).toHaveLength(1)
    } finally {
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      )
    }
  })
})
