import { describe, expect, it } from 'vitest'
import { createWebhooks, headerSign, md5Hex, urlToken, type WebhooksOptions } from '../../src/index'
import { HEADER_SIGN_ALGORITHMS } from '../../src/schemas'
import {
  buildEvent,
  createDeliveryRequest,
  defaultScheme,
  SAMPLE_TYPES,
  signDelivery,
} from '../../src/testing/index'

const KEY = 'kit-key'

async function answer(options: WebhooksOptions, request: Request) {
  const seen: string[] = []
  const webhooks = createWebhooks({ logger: false, ...options })
  webhooks.onAny((event) => void seen.push(event.type))
  const response = await webhooks.handle(request)
  return { status: response.status, body: await response.json(), seen }
}

describe('signDelivery', () => {
  it('sets the md5 Sign field of a call completion and sends JSON', () => {
    const delivery = signDelivery(buildEvent('workflow.call.completed', { TaskID: 't-1' }), { key: KEY })
    expect(delivery).toMatchObject({ type: 'workflow.call.completed', scheme: 'md5', query: {} })
    expect(delivery.headers).toEqual({ 'content-type': 'application/json' })
    expect(JSON.parse(delivery.body).Sign).toBe(md5Hex(`t-1${KEY}`))
  })

  it("signs with AIRudder's default KEY `airudder` when given none", () => {
    const delivery = signDelivery(buildEvent('qa.recording.reported'))
    const json = JSON.parse(delivery.body)
    expect(json.Sign).toBe(md5Hex(`${json.TaskID}airudder`))
  })

  it('puts the header signature over the exact body bytes', () => {
    const body = JSON.stringify(buildEvent('chatbot.channel.message.sent'), null, 2)
    const delivery = signDelivery(body, { key: KEY, scheme: 'hmac-sha1-base64', header: 'X-Sig' })
    expect(delivery.body).toBe(body)
    expect(Object.keys(delivery.headers)).toEqual(['content-type', 'x-sig'])
  })

  it('resolves auto to the scheme AIRudder uses for each type', () => {
    expect(Object.fromEntries(SAMPLE_TYPES.map((type) => [type, defaultScheme(type)]))).toEqual({
      'workflow.call.completed': 'md5',
      'workflow.chatbot.session_ended': 'hmac-sha256-hex',
      'pds.contact.status': 'url-token',
      'pds.task.status': 'url-token',
      'pds.agent.status': 'url-token',
      'chatbot.channel.message.sent': 'hmac-sha256-hex',
      'workflow.status.changed': 'url-token',
      'workflow.list.completed': 'url-token',
      'workflow.custom_api.pushed': 'url-token',
      'qa.recording.reported': 'md5',
    })
    expect(defaultScheme('chatbot.session.started')).toBe('hmac-sha256-hex')
    expect(defaultScheme('unknown')).toBe('none')
  })

  it('refuses to md5-sign a payload without a TaskID, and an unknown scheme', () => {
    expect(() => signDelivery({ a: 1 }, { scheme: 'md5' })).toThrow(/signs the string field TaskID/)
    expect(() => signDelivery({ a: 1 }, { scheme: 'sha512' as 'md5' })).toThrow(/unknown signature scheme/)
    expect(() => signDelivery('{', { scheme: 'none' })).toThrow(/not JSON/)
  })
})

describe('createDeliveryRequest passes createWebhooks().handle()', () => {
  it('md5 scheme: accepted with the key, refused 401 with another', async () => {
    const payload = buildEvent('workflow.call.completed')
    expect(await answer({ key: KEY }, createDeliveryRequest(payload, { key: KEY }))).toEqual({
      status: 200,
      body: {},
      seen: ['workflow.call.completed'],
    })
    expect(await answer({ key: KEY }, createDeliveryRequest(payload, { key: 'wrong' }))).toMatchObject({
      status: 401,
      body: { error: { code: 'invalid_signature' } },
      seen: [],
    })
  })

  it.each(HEADER_SIGN_ALGORITHMS)(
    'header scheme %s: accepted with the key, refused with another',
    async (algorithm) => {
      const verify = { 'chatbot.*': headerSign({ algorithm, keys: KEY }) } as const
      const payload = buildEvent('chatbot.channel.message.sent')
      const good = createDeliveryRequest(payload, { key: KEY, scheme: algorithm })
      expect(await answer({ verify }, good)).toMatchObject({
        status: 200,
        seen: ['chatbot.channel.message.sent'],
      })
      const bad = createDeliveryRequest(payload, { key: 'wrong', scheme: algorithm })
      expect(await answer({ verify }, bad)).toMatchObject({ status: 401, seen: [] })
    },
  )

  it('auto scheme for a session end: hmac-sha256-hex in X-AIRudder-Sign', async () => {
    const verify = {
      'workflow.chatbot.session_ended': headerSign({ algorithm: 'hmac-sha256-hex', keys: KEY }),
    }
    const request = createDeliveryRequest(buildEvent('workflow.chatbot.session_ended'), { key: KEY })
    expect(request.headers.get('x-airudder-sign')).toMatch(/^[0-9a-f]{64}$/)
    expect(await answer({ verify }, request)).toMatchObject({ status: 200 })
  })

  it('url-token scheme: the token goes in the URL, next to the query already there', async () => {
    const verify = { 'pds.*': urlToken({ tokens: KEY }) } as const
    const request = createDeliveryRequest(buildEvent('pds.task.status'), {
      key: KEY,
      url: 'https://example.test/hooks?tenant=7',
    })
    expect(request.url).toBe(`https://example.test/hooks?tenant=7&token=${KEY}`)
    expect(await answer({ verify }, request)).toMatchObject({ status: 200, seen: ['pds.task.status'] })
    const wrong = createDeliveryRequest(buildEvent('pds.task.status'), { key: 'wrong' })
    expect(await answer({ verify }, wrong)).toMatchObject({ status: 401 })
  })

  it('is a POST to the default webhook URL', () => {
    const request = createDeliveryRequest(buildEvent('workflow.call.completed'))
    expect([request.method, request.url]).toEqual(['POST', 'http://localhost/webhooks/airudder'])
  })
})
