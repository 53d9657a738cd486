import { describe, expect, it } from 'vitest'
import { type AirudderEvent, parse, urlToken } from '../../src/index'
import { unconfiguredHint } from '../../src/steps/fix-hints'
import { fixtureText } from '../fixtures'
import { answer, post, quietWebhooks, signedCall } from './helpers'

function event(file: string): AirudderEvent {
  const result = parse(fixtureText(file))
  if (!result.ok) throw new Error('fixture does not parse')
  return result.event
}

describe('listeners and dispatch', () => {
  it('routes by exact type, wildcard, list and onAny, each handler once', async () => {
    const webhooks = quietWebhooks()
    const calls: string[] = []
    const both = () => void calls.push('list')
    webhooks.on('pds.contact.status', () => void calls.push('exact'))
    webhooks.on('pds.*', () => void calls.push('wildcard'))
    webhooks.on(['pds.contact.status', 'pds.task.status'], both)
    webhooks.on('workflow.call.completed', () => void calls.push('other type'))
    webhooks.onAny(() => void calls.push('any'))
    expect(await webhooks.receive(event('pds-contact-status.json'))).toEqual({ status: 200, body: {} })
    expect(calls.sort()).toEqual(['any', 'exact', 'list', 'wildcard'])
  })

  it('removeListener stops a handler', async () => {
    const webhooks = quietWebhooks()
    const calls: string[] = []
    const handler = () => void calls.push('ran')
    webhooks.on('pds.*', handler)
    webhooks.removeListener('pds.*', handler)
    await webhooks.receive(event('pds-contact-status.json'))
    expect(calls).toEqual([])
  })

  it('sees handlers added and removed between deliveries of the same type', async () => {
    const webhooks = quietWebhooks({ idempotency: { reserve: () => 'new', markDone() {}, release() {} } })
    const calls: string[] = []
    const late = () => void calls.push('late')
    webhooks.on('pds.*', () => void calls.push('first'))
    await webhooks.receive(event('pds-contact-status.json'))
    webhooks.on('pds.contact.status', late)
    await webhooks.receive(event('pds-contact-status.json'))
    webhooks.removeListener('pds.contact.status', late)
    await webhooks.receive(event('pds-contact-status.json'))
    // Exact-type handlers run before wildcard ones.
    expect(calls).toEqual(['first', 'late', 'first', 'first'])
  })

  it('runs handlers concurrently and reports every failure without hiding the others', async () => {
    const webhooks = quietWebhooks()
    const order: string[] = []
    const errors: string[] = []
    webhooks.onError((error) => void errors.push(`${error.code}:${(error.cause as Error).message}`))
    webhooks.on('workflow.call.completed', async () => {
      order.push('slow start')
      await new Promise((resolve) => setTimeout(resolve, 20))
      order.push('slow end')
    })
    webhooks.on('workflow.call.completed', () => {
      order.push('fast')
      throw new Error('first')
    })
    webhooks.onAny(async () => Promise.reject(new Error('second')))
    const result = await webhooks.receive(event('workflow-call-completed.json'))
    expect(result).toEqual({
      status: 500,
      body: {
        error: {
          code: 'handler_failed',
          message: '2 handlers failed for workflow.call.completed; AIRudder will retry',
        },
      },
    })
    expect(order).toEqual(['slow start', 'fast', 'slow end'])
    expect(errors.sort()).toEqual(['handler_failed:first', 'handler_failed:second'])
  })

  it('runs the handlers again on the retry of a failed delivery, and not after a success', async () => {
    const webhooks = quietWebhooks()
    let attempts = 0
    webhooks.on('workflow.call.completed', () => {
      attempts++
      if (attempts === 1) throw new Error('database down')
    })
    const body = signedCall()
    expect((await answer(await webhooks.handle(post(body)))).status).toBe(500)
    expect(await answer(await webhooks.handle(post(body)))).toEqual({ status: 200, body: {} })
    expect(await answer(await webhooks.handle(post(body)))).toEqual({ status: 200, body: {} })
    expect(attempts).toBe(2)
  })

  it('treats different calls as different events', async () => {
    const webhooks = quietWebhooks()
    const ids: string[] = []
    webhooks.on('workflow.call.completed', (e) => void ids.push(e.payload.Details[0]?.CallID ?? ''))
    await webhooks.handle(post(signedCall({ callId: 'a' })))
    await webhooks.handle(post(signedCall({ callId: 'b' })))
    await webhooks.handle(post(signedCall({ callId: 'a' })))
    expect(ids).toEqual(['a', 'b'])
  })

  it('acknowledges unknown events that pass their check and hands them to on("unknown") with the reason', async () => {
    const webhooks = quietWebhooks({ verify: { unknown: urlToken({ tokens: 's3cret' }) } })
    const reasons: string[] = []
    webhooks.on('unknown', (e) => void reasons.push(e.reason))
    const url = 'http://localhost/hook?token=s3cret'
    expect(await answer(await webhooks.handle(post('{"hello":"world"}', {}, url)))).toEqual({
      status: 200,
      body: {},
    })
    expect(reasons).toEqual(['no known event shape matches its top-level fields ("hello")'])
  })

  it('refuses unknown events when nothing checks them, like any other type', async () => {
    const webhooks = quietWebhooks()
    const seen: unknown[] = []
    webhooks.onAny((event) => void seen.push(event))
    expect(await answer(await webhooks.handle(post('{"hello":"world"}')))).toEqual({
      status: 401,
      body: {
        error: {
          code: 'verifier_not_configured',
          message: `No verifier is configured for unknown: ${unconfiguredHint('unknown')}`,
        },
      },
    })
    expect(seen).toEqual([])
  })

  it('survives an onError listener that throws', async () => {
    const webhooks = quietWebhooks()
    webhooks.onError(() => {
      throw new Error('listener bug')
    })
    webhooks.on('workflow.call.completed', () => {
      throw new Error('handler bug')
    })
    expect((await answer(await webhooks.handle(post(signedCall())))).status).toBe(500)
  })
})
