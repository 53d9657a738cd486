import { describe, expect, it } from 'vitest'
import { answer, post, quietWebhooks, signedCall, sleep } from './helpers'

describe('deadline (AIRudder waits 10 s)', () => {
  it('answers 503 when handlers outlive the deadline, keeps them running, and answers the retry from the outcome', async () => {
    const webhooks = quietWebhooks({ deadlineMs: 30 })
    const codes: string[] = []
    webhooks.onError((error) => void codes.push(error.code))
    let runs = 0
    let finished = false
    webhooks.on('workflow.call.completed', async () => {
      runs++
      await sleep(120)
      finished = true
    })
    const body = signedCall()
    const first = await answer(await webhooks.handle(post(body)))
    expect(first).toMatchObject({ status: 503, body: { error: { code: 'deadline_exceeded' } } })
    expect(codes).toEqual(['deadline_exceeded'])

    const whileRunning = await webhooks.handle(post(body))
    expect(whileRunning.status).toBe(409)
    expect(whileRunning.headers.get('retry-after')).toBe('60')

    await sleep(150)
    expect(finished).toBe(true)
    expect(await answer(await webhooks.handle(post(body)))).toEqual({ status: 200, body: {} })
    expect(runs).toBe(1)
  })

  it('reports a handler that fails after the deadline and runs it again on the retry', async () => {
    const webhooks = quietWebhooks({ deadlineMs: 20 })
    const codes: string[] = []
    webhooks.onError((error) => void codes.push(error.code))
    let runs = 0
    webhooks.on('workflow.call.completed', async () => {
      runs++
      if (runs === 1) {
        await sleep(60)
        throw new Error('late failure')
      }
    })
    const body = signedCall()
    expect((await webhooks.handle(post(body))).status).toBe(503)
    await sleep(100)
    expect(codes).toEqual(['deadline_exceeded', 'handler_failed'])
    expect(await answer(await webhooks.handle(post(body)))).toEqual({ status: 200, body: {} })
    expect(runs).toBe(2)
  })

  it('refuses a non-positive deadline or limit at construction', () => {
    expect(() => quietWebhooks({ deadlineMs: 0 })).toThrow(/deadlineMs must be a positive number/)
    expect(() => quietWebhooks({ maxBodyBytes: -1 })).toThrow(/maxBodyBytes must be a positive number/)
  })
})
