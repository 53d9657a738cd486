/**
 * The public steps, run one by one as a queue consumer or a replay would: each takes the previous
 * step's output, and together they make the event the receiver hands its handlers.
 */
import { describe, expect, it } from 'vitest'
import {
  classify,
  createWebhooks,
  customVerifier,
  decode,
  md5Sign,
  parse,
  urlToken,
  validate,
  verify,
} from '../src/index'
import { andThen } from '../src/steps/maybe-async'
import { createVerificationPolicy } from '../src/steps/verification'
import { verifyWith } from '../src/steps/verify'
import { buildEvent, deliveryUrl, signDelivery } from '../src/testing/index'

const KEY = 'step-key'
const call = signDelivery(buildEvent('workflow.call.completed', { TaskID: 'task-1' }), { key: KEY })
const delivery = { body: call.body, headers: call.headers, url: 'https://example.com/hooks' }

/** decode -> classify -> verify -> validate, stopping at the first failure. */
async function steps(input: typeof delivery, options: Parameters<typeof verify>[1]) {
  const decoded = decode(input)
  if (!decoded.ok) return decoded
  const verified = await verify(classify(decoded), options)
  if (!verified.ok) return verified
  return validate(verified)
}

describe('the pipeline steps, one by one', () => {
  it('make the same event, with the same id, as the receiver hands its handlers', async () => {
    const webhooks = createWebhooks({ key: KEY, logger: false })
    const received: unknown[] = []
    webhooks.on('workflow.call.completed', (event) => void received.push(event))
    expect((await webhooks.verifyAndReceive(delivery)).status).toBe(200)

    const result = await steps(delivery, { key: KEY })
    expect(result).toMatchObject({ ok: true })
    if (!('event' in result) || !result.ok) throw new Error('expected an event')
    const { receivedAt, ...event } = result.event
    expect(received).toEqual([{ ...event, receivedAt: expect.any(Date) }])
    expect(event.verification).toEqual({ status: 'verified', method: 'md5Sign', keyIndex: 0 })
  })

  it('each step returns its input with its own fields added, so the next one takes it as is', async () => {
    const decoded = decode(delivery)
    if (!decoded.ok) throw new Error(decoded.message)
    expect(decoded.text).toBe(call.body)
    expect(decoded.headers.get('content-type')).toBe('application/json')
    const classified = classify(decoded)
    expect(classified).toMatchObject({ text: call.body, url: delivery.url, type: 'workflow.call.completed' })
    const verified = await verify(classified, { key: KEY })
    expect(verified).toMatchObject({ ok: true, type: 'workflow.call.completed', text: call.body })
  })

  it('decode: a body that is not JSON is malformed_json, its message naming no content', () => {
    const result = decode('{"Sign": "abc" x}')
    expect(result).toMatchObject({ ok: false, code: 'malformed_json' })
    expect(result.ok ? '' : result.message).toMatch(/^The body is not valid JSON/)
    expect(JSON.stringify(result)).not.toContain('abc')
    expect(decode(new Uint8Array([0xff, 0xfe]))).toMatchObject({ ok: false, code: 'malformed_json' })
  })

  it('classify: takes anything with a json field', () => {
    expect(classify({ json: { event: 'x.y', company: 'c', channel: 'WhatsApp' } })).toMatchObject({
      type: 'chatbot.x.y',
    })
  })

  it('verify: a wrong key is invalid_signature, with a message that holds no key or signature', async () => {
    const result = await steps(delivery, { key: 'other-key' })
    expect(result).toMatchObject({ ok: false, code: 'invalid_signature' })
    const message = 'message' in result ? result.message : ''
    for (const secret of [KEY, 'other-key', JSON.parse(call.body).Sign]) expect(message).not.toContain(secret)
  })

  it('verify: an unsigned push needs a rule, and passes with one', async () => {
    const pds = signDelivery(buildEvent('pds.contact.status'), { key: 'tok' })
    const input = { body: pds.body, headers: pds.headers, url: deliveryUrl('https://example.com/hooks', pds) }
    expect(await steps(input, {})).toMatchObject({ ok: false, code: 'verifier_not_configured' })
    const result = await steps(input, { verify: { 'pds.*': urlToken({ tokens: 'tok' }) } })
    expect(result).toMatchObject({ ok: true, event: { type: 'pds.contact.status' } })
  })

  it('validate: a payload that fails its schema is a typed invalid_payload with its issues', async () => {
    const bad = signDelivery(buildEvent('workflow.call.completed', { Details: [{ CallID: undefined }] }), {
      key: KEY,
    })
    const result = await steps({ ...delivery, body: bad.body }, { key: KEY })
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid_payload',
      message: expect.stringContaining(
        'The payload does not match workflow.call.completed: Details.0.CallID',
      ),
      invalid: {
        type: 'workflow.call.completed',
        issues: [expect.objectContaining({ path: 'Details.0.CallID' })],
      },
    })
  })

  it('parse: the same event without verify, marked not-checked', () => {
    const result = parse(call.body)
    expect(result).toMatchObject({
      ok: true,
      event: { type: 'workflow.call.completed', verification: { status: 'skipped', reason: 'not-checked' } },
    })
    expect(parse('nope')).toMatchObject({ ok: false, code: 'malformed_json' })
  })
})

describe('the sync fast path (steps/maybe-async)', () => {
  const decoded = decode(delivery)
  if (!decoded.ok) throw new Error(decoded.message)
  const classified = classify(decoded)

  it('a synchronous verifier answers without a promise; an async one with a promise', async () => {
    const sync = verifyWith(createVerificationPolicy({ key: KEY }), classified)
    expect(sync).not.toBeInstanceOf(Promise)
    expect(sync).toMatchObject({ ok: true, verification: { method: 'md5Sign' } })
    const slow = customVerifier('slow', async (input) => md5Sign({ keys: KEY }).verify(input))
    const later = verifyWith(createVerificationPolicy({ verify: { 'workflow.*': slow } }), classified)
    expect(later).toBeInstanceOf(Promise)
    expect(await later).toMatchObject({ ok: true, verification: { method: 'md5Sign' } })
  })

  it('andThen runs the next step at once for a value, after it for a promise, and maps a rejection', async () => {
    const order: string[] = []
    const now = andThen(1, (value) => {
      order.push('value')
      return value + 1
    })
    expect(now).toBe(2)
    const later = andThen(Promise.resolve(1), (value) => {
      order.push('promise')
      return value + 1
    })
    order.push('returned')
    expect(await later).toBe(2)
    expect(order).toEqual(['value', 'returned', 'promise'])
    expect(
      await andThen(
        Promise.reject(new Error('x')),
        () => 'ok',
        () => 'failed',
      ),
    ).toBe('failed')
  })

  it('a verifier that throws or rejects fails closed, either way', async () => {
    const throws = customVerifier('boom', () => {
      throw new Error('key=secret')
    })
    const rejects = { name: 'reject', verify: () => Promise.reject(new Error('key=secret')) }
    for (const verifier of [throws, rejects]) {
      const result = await verify(classified, { verify: { 'workflow.*': verifier } })
      expect(result).toMatchObject({ ok: false, code: 'invalid_signature' })
      expect(JSON.stringify(result)).not.toContain('secret')
    }
  })
})
