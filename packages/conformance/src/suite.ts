/**
 * @module
 * `runConformance(driver)` registers the shared adapter tests: every fixture accepted when signed
 * and refused when not, 415, 400, 413, 405, unknown shapes acknowledged, a throwing handler
 * answered 500, a duplicate not re-run, and a body parsed by another middleware refused clearly.
 */
import {
  type AirudderEvent,
  createWebhooks,
  parse,
  type WebhookError,
  type Webhooks,
} from '@airudder-webhooks/core'
import { describe, expect, it } from 'vitest'
import { FIXTURES, HEADER_KEY, KEY, signedDelivery, URL_TOKEN, verifyRules, WEBHOOK_PATH } from './deliveries'

export interface SentRequest {
  readonly method: string
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string | Uint8Array<ArrayBuffer> | undefined
}

export interface Reply {
  readonly status: number
  readonly body: unknown
}

export type Send = (request: SentRequest) => Promise<Reply>

export interface ConformanceDriver {
  readonly name: string
  /** Mounts `webhooks` at WEBHOOK_PATH for every method and returns how to send it one request. */
  mount(webhooks: Webhooks): Send | Promise<Send>
  /** The same, behind the framework's JSON body parser (omit when the framework has none). */
  mountAfterJsonParser?(webhooks: Webhooks): Send | Promise<Send>
}

const LIMIT = 64 * 1024
const json = { 'content-type': 'application/json' }

function setup(driver: ConformanceDriver, options: { parsedFirst?: boolean } = {}) {
  const webhooks = createWebhooks({ key: KEY, verify: verifyRules, logger: false, maxBodyBytes: LIMIT })
  const received: AirudderEvent[] = []
  const errors: WebhookError[] = []
  webhooks.onAny((event) => void received.push(event))
  webhooks.onError((error) => void errors.push(error))
  const mounted =
    options.parsedFirst && driver.mountAfterJsonParser
      ? driver.mountAfterJsonParser(webhooks)
      : driver.mount(webhooks)
  const send: Send = async (request) => (await mounted)(request)
  return { webhooks, received, errors, send }
}

function expectError(reply: Reply, status: number, code: string) {
  expect(reply).toEqual({ status, body: { error: { code, message: expect.any(String) } } })
  const text = JSON.stringify(reply.body)
  for (const secret of [KEY, HEADER_KEY, URL_TOKEN]) expect(text).not.toContain(secret)
  expect(text).not.toMatch(/\n\s+at /)
}

export function runConformance(driver: ConformanceDriver): void {
  describe(`${driver.name} adapter conformance`, () => {
    it.each(FIXTURES)('accepts a signed %s as %s and hands over the typed event', async (file, type) => {
      const { send, received } = setup(driver)
      const delivery = signedDelivery(file, type)
      const reply = await send({ method: 'POST', ...delivery })
      expect(reply).toEqual({ status: 200, body: {} })
      const expected = parse(delivery.body)
      if (!expected.ok) throw new Error(`fixture ${file} does not parse`)
      expect(received).toHaveLength(1)
      expect(received[0]).toMatchObject({
        type,
        id: expected.event.id,
        payload: expected.event.payload,
        raw: delivery.body,
      })
      expect(received[0]?.verification.status).toBe('verified')
    })

    it.each(FIXTURES)('refuses %s with a wrong signature (401) and runs no handler', async (file, type) => {
      const { send, received } = setup(driver)
      const reply = await send({ method: 'POST', ...signedDelivery(file, type, { tamper: true }) })
      expectError(reply, 401, 'invalid_signature')
      expect(received).toEqual([])
    })

    it.each([['text/plain'], ['application/x-www-form-urlencoded']])(
      'answers 415 to Content-Type %s',
      async (contentType) => {
        const { send, received } = setup(driver)
        const delivery = signedDelivery(...FIXTURES[0])
        const reply = await send({
          method: 'POST',
          path: delivery.path,
          body: delivery.body,
          headers: { 'content-type': contentType },
        })
        expectError(reply, 415, 'unsupported_media_type')
        expect(received).toEqual([])
      },
    )

    it('answers 400 to malformed JSON without echoing it', async () => {
      const { send } = setup(driver)
      const reply = await send({
        method: 'POST',
        path: WEBHOOK_PATH,
        headers: json,
        body: '{"TaskID": "abc", "Sign": ',
      })
      expectError(reply, 400, 'malformed_json')
      expect(JSON.stringify(reply.body)).not.toContain('TaskID')
    })

    it('answers 413 to a body over the limit', async () => {
      const { send, received } = setup(driver)
      const body = JSON.stringify({ padding: 'x'.repeat(LIMIT) })
      expectError(
        await send({ method: 'POST', path: WEBHOOK_PATH, headers: json, body }),
        413,
        'payload_too_large',
      )
      expect(received).toEqual([])
    })

    it('answers 405 to a GET', async () => {
      const { send } = setup(driver)
      expectError(await send({ method: 'GET', path: WEBHOOK_PATH, headers: {} }), 405, 'method_not_allowed')
    })

    it("acknowledges an unknown shape that passes the '*' check and hands it to onAny", async () => {
      const { send, received } = setup(driver)
      const reply = await send({
        method: 'POST',
        path: `${WEBHOOK_PATH}?token=${URL_TOKEN}`,
        headers: json,
        body: '{"hello":"world"}',
      })
      expect(reply).toEqual({ status: 200, body: {} })
      expect(received).toMatchObject([
        { type: 'unknown', payload: { hello: 'world' }, reason: expect.any(String) },
      ])
    })

    it('refuses an unknown shape without a check (401), and hands it to nobody', async () => {
      const { send, received } = setup(driver)
      const body = '{"hello":"world"}'
      expectError(
        await send({ method: 'POST', path: WEBHOOK_PATH, headers: json, body }),
        401,
        'invalid_signature',
      )
      expect(received).toEqual([])
    })

    it('answers 500 when a handler throws, runs the other handlers, and reports the error', async () => {
      const { webhooks, send, received, errors } = setup(driver)
      webhooks.on('workflow.call.completed', () => {
        throw new Error(`boom ${KEY}`)
      })
      const reply = await send({ method: 'POST', ...signedDelivery(...FIXTURES[0]) })
      expectError(reply, 500, 'handler_failed')
      expect(received).toHaveLength(1)
      expect(errors).toMatchObject([{ code: 'handler_failed', event: { type: 'workflow.call.completed' } }])
      expect(errors[0]?.cause).toEqual(new Error(`boom ${KEY}`))
    })

    it('answers a duplicate delivery 200 without running handlers again', async () => {
      const { send, received } = setup(driver)
      const delivery = signedDelivery(...FIXTURES[0])
      expect(await send({ method: 'POST', ...delivery })).toEqual({ status: 200, body: {} })
      expect(await send({ method: 'POST', ...delivery })).toEqual({ status: 200, body: {} })
      expect(received).toHaveLength(1)
    })

    if (driver.mountAfterJsonParser) {
      it('refuses a body another middleware already parsed, instead of verifying a re-serialised one', async () => {
        const { send, received } = setup(driver, { parsedFirst: true })
        const reply = await send({ method: 'POST', ...signedDelivery(...FIXTURES[0]) })
        expectError(reply, 500, 'body_already_parsed')
        expect(received).toEqual([])
      })
    }
  })
}
