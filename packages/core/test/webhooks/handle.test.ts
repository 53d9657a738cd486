import { describe, expect, it } from 'vitest'
import { customVerifier, urlToken, type VerifyInput } from '../../src/index'
import { unconfiguredHint, WRONG_KEY_HINT } from '../../src/steps/fix-hints'
import { fixtureJson, fixtureText } from '../fixtures'
import { answer, KEY, post, quietWebhooks, signedCall } from './helpers'

describe('handle(request): the HTTP pipeline', () => {
  it('answers 200 {} and hands over the typed, verified event', async () => {
    const webhooks = quietWebhooks()
    const seen: string[] = []
    webhooks.on('workflow.call.completed', (event) => {
      seen.push(`${event.payload.TaskID} ${event.payload.Details[0]?.TotalOwingAmount}`)
      expect(event.verification).toEqual({ status: 'verified', method: 'md5Sign', keyIndex: 0 })
    })
    const response = await webhooks.handle(post(signedCall()))
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await answer(response)).toEqual({ status: 200, body: {} })
    expect(seen).toEqual(['490d5ec3c1xxxxxxxx2b759b5b 20310'])
  })

  it('accepts rotated keys and records which one matched (by index)', async () => {
    const webhooks = quietWebhooks({ key: ['new-key', KEY] })
    const methods: unknown[] = []
    webhooks.onAny((event) => void methods.push(event.verification))
    expect((await webhooks.handle(post(signedCall()))).status).toBe(200)
    expect(methods).toEqual([{ status: 'verified', method: 'md5Sign', keyIndex: 1 }])
  })

  it.each([
    ['GET', 405, 'method_not_allowed'],
    ['PUT', 405, 'method_not_allowed'],
  ])('answers %s with %i and an Allow header', async (method, status, code) => {
    const response = await quietWebhooks().handle(new Request('http://localhost/hook', { method }))
    expect(response.headers.get('allow')).toBe('POST')
    expect(await answer(response)).toMatchObject({ status, body: { error: { code } } })
  })

  it.each(['application/json; charset=utf-8', 'application/vnd.airudder+json', 'APPLICATION/JSON'])(
    'accepts Content-Type %s',
    async (type) => {
      expect((await quietWebhooks().handle(post(signedCall(), { 'content-type': type }))).status).toBe(200)
    },
  )

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const webhooks = quietWebhooks({ maxBodyBytes: 100 })
    const response = await webhooks.handle(post('{}', { 'content-length': '101' }))
    expect(await answer(response)).toEqual({
      status: 413,
      body: { error: { code: 'payload_too_large', message: 'The body is larger than the 100-byte limit' } },
    })
  })

  it('stops reading a streamed body as soon as it passes the limit', async () => {
    let pulled = 0
    let cancelled = false
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(1024).fill(32))
      },
      cancel() {
        cancelled = true
      },
    })
    const request = new Request('http://localhost/hook', {
      method: 'POST',
      body: endless,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit)
    const response = await quietWebhooks({ maxBodyBytes: 10 * 1024 }).handle(request)
    expect(response.status).toBe(413)
    expect(cancelled).toBe(true)
    expect(pulled).toBeLessThan(20)
  })

  it.each([
    ['', 'The body is empty; expected a JSON object'],
    ['{"a":', 'The body is not valid JSON (it ends too early)'],
    ['{"Sign":x}', 'The body is not valid JSON'],
  ])('answers 400 to %j with a message that does not echo the body', async (body, message) => {
    expect(await answer(await quietWebhooks().handle(post(body)))).toEqual({
      status: 400,
      body: { error: { code: 'malformed_json', message } },
    })
  })

  it('answers 400 to a body that is not UTF-8', async () => {
    const response = await quietWebhooks().handle(post(new Uint8Array([0x7b, 0xff, 0x7d])))
    expect(await answer(response)).toMatchObject({
      status: 400,
      body: { error: { message: 'The body is not valid UTF-8' } },
    })
  })

  it('refuses a wrong Sign with 401 and never reveals the expected one', async () => {
    const response = await quietWebhooks().handle(post(signedCall({ key: 'attacker' })))
    const text = await response.text()
    expect(response.status).toBe(401)
    expect(JSON.parse(text)).toEqual({
      error: {
        code: 'invalid_signature',
        message: `Verification failed: Sign does not match; ${WRONG_KEY_HINT}`,
      },
    })
    expect(text).not.toContain(KEY)
  })

  it('refuses a type with no check configured, and says how to configure one', async () => {
    const response = await quietWebhooks().handle(post(fixtureText('pds-contact-status.json')))
    expect(await answer(response)).toEqual({
      status: 401,
      body: {
        error: {
          code: 'verifier_not_configured',
          message: `No verifier is configured for pds.contact.status: ${unconfiguredHint('pds.contact.status')}`,
        },
      },
    })
  })

  it('accepts an explicitly opted-out type and records the opt-out', async () => {
    const webhooks = quietWebhooks({ verify: { 'pds.*': false } })
    const verifications: unknown[] = []
    webhooks.onAny((event) => void verifications.push(event.verification))
    expect((await webhooks.handle(post(fixtureText('pds-contact-status.json')))).status).toBe(200)
    expect(verifications).toEqual([{ status: 'skipped', reason: 'opted-out' }])
  })

  it('uses the most specific rule: type, then wildcard, then "*"', async () => {
    const inputs: string[] = []
    const named = (name: string) =>
      customVerifier(name, (input: VerifyInput) => inputs.push(name) > 0 && input.body.length > 0)
    const webhooks = quietWebhooks({
      verify: { 'pds.task.status': named('exact'), 'pds.*': named('wildcard'), '*': named('star') },
    })
    await webhooks.handle(post(fixtureText('evidence/pds-task-status.bare.json')))
    await webhooks.handle(post(fixtureText('pds-contact-status.json')))
    await webhooks.handle(post(fixtureText('evidence/workflow-status-changed.json')))
    expect(inputs).toEqual(['exact', 'wildcard', 'star'])
  })

  it('passes the URL and client IP to verifiers', async () => {
    const webhooks = quietWebhooks({ verify: { 'pds.*': urlToken({ tokens: 's3cret' }) } })
    const body = fixtureText('pds-contact-status.json')
    expect((await webhooks.handle(post(body, {}, 'http://localhost/hook?token=s3cret'))).status).toBe(200)
    expect((await webhooks.handle(post(body, {}, 'http://localhost/hook?token=nope'))).status).toBe(401)
  })

  it('hands a payload that fails its schema to onInvalid and answers 200 once taken', async () => {
    const webhooks = quietWebhooks()
    const invalid: unknown[] = []
    webhooks.onInvalid((failure) => void invalid.push(failure.issues))
    const json = JSON.parse(signedCall())
    json.Details[0].CallTimes = 'many'
    expect(await answer(await webhooks.handle(post(JSON.stringify(json))))).toEqual({ status: 200, body: {} })
    expect(invalid).toEqual([
      [{ path: 'Details.0.CallTimes', message: 'Expected an integer (number or numeric string)' }],
    ])
  })

  it('refuses a payload that fails its schema with 400 when nobody takes it, and reports it', async () => {
    const webhooks = quietWebhooks()
    const errors: unknown[] = []
    webhooks.onError((error) => void errors.push([error.code, error.invalid?.type]))
    const json = JSON.parse(signedCall())
    delete json.Details[0].CallID
    const result = await answer(await webhooks.handle(post(JSON.stringify(json))))
    expect(result).toMatchObject({ status: 400, body: { error: { code: 'invalid_payload' } } })
    expect(result.body.error.message).toContain('Details.0.CallID')
    expect(errors).toEqual([['invalid_payload', 'workflow.call.completed']])
  })

  it('logs one line that says how to keep such deliveries, with paths and no personal data', async () => {
    const lines: string[] = []
    const logger = {
      warn: (line: string) => void lines.push(line),
      error: (line: string) => void lines.push(line),
    }
    const webhooks = quietWebhooks({ logger })
    const json = JSON.parse(signedCall())
    delete json.Details[0].CallID
    json.Details[0].CallTimes = 'many'
    expect((await webhooks.handle(post(JSON.stringify(json)))).status).toBe(400)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('Details.0.CallID')
    expect(lines[0]).toMatch(/AIRudder retries .*webhooks\.onInvalid\(listener\) or an inbox/)
    for (const value of ['WILL SMITH', json.Details[0].CalleeNumber, 'many', json.Sign])
      expect(lines[0]).not.toContain(value)
  })

  it('answers 500 without details when a store throws', async () => {
    const broken = { reserve: () => Promise.reject(new Error('redis down')), markDone() {}, release() {} }
    const response = await quietWebhooks({ idempotency: broken }).handle(post(signedCall()))
    expect(await answer(response)).toEqual({
      status: 500,
      body: {
        error: {
          code: 'internal_error',
          message: 'The delivery could not be processed; AIRudder will retry',
        },
      },
    })
  })

  it('verifyAndReceive runs the same pipeline without HTTP', async () => {
    const webhooks = quietWebhooks({ verify: { 'pds.*': false } })
    const types: string[] = []
    webhooks.onAny((event) => void types.push(event.type))
    const body = JSON.stringify(fixtureJson('evidence/pds-agent-status.bare.json'))
    expect(await webhooks.verifyAndReceive({ body, headers: {}, url: 'queue://replay' })).toEqual({
      status: 200,
      body: {},
    })
    expect(types).toEqual(['pds.agent.status'])
  })

  it('answers a body read before the kit exactly as the Node bridge does (500 body_already_parsed), and says how to mount', async () => {
    const logged: string[] = []
    const webhooks = quietWebhooks({
      logger: { warn: (line) => logged.push(line), error: (line) => logged.push(line) },
    })
    const handled: string[] = []
    webhooks.onAny((event) => void handled.push(event.type))
    const request = post(signedCall())
    await request.text()
    expect(await answer(await webhooks.handle(request))).toEqual({
      status: 500,
      body: {
        error: {
          code: 'body_already_parsed',
          message: 'The webhook endpoint is misconfigured: its body was already parsed',
        },
      },
    })
    const adapter = { name: '@airudder-webhooks/example', mounting: 'mount it first' }
    const again = post(signedCall())
    await again.json()
    expect((await webhooks.handle(again, { adapter })).status).toBe(500)
    expect(handled).toEqual([])
    expect(logged).toEqual([
      '@airudder-webhooks/core: the request body was already parsed (or read) by another middleware; mount the webhook handler before any JSON body parser, or keep the raw body (req.rawBody)',
      '@airudder-webhooks/example: the request body was already parsed (or read) by another middleware; mount it first',
    ])
  })
})
