import { describe, expect, it } from 'vitest'
import { retryDelay } from '../../src/inbox/backoff'
import { createMemoryInbox, createWebhooks, type Inbox } from '../../src/index'
import { answer, KEY, post, signedCall, sleep } from '../webhooks/helpers'

function inboxWebhooks(inbox: Inbox = createMemoryInbox(), maxAttempts = 3) {
  return createWebhooks({
    key: KEY,
    logger: false,
    inbox,
    processing: { pollMs: 10, maxAttempts, retry: { baseMs: 40, jitter: 0 } },
  })
}

describe('createWebhooks({ inbox })', () => {
  it('stores first and answers at once, while handlers run afterwards from the inbox', async () => {
    const webhooks = inboxWebhooks()
    const handled: unknown[] = []
    webhooks.on('workflow.call.completed', async (event, context) => {
      await sleep(100)
      handled.push([event.payload.TaskID, context.entry.id, context.entry.attempts, context.tx])
    })
    expect(await answer(await webhooks.handle(post(signedCall())))).toEqual({ status: 200, body: {} })
    // Answered before the handler (100 ms) finished: nothing handled yet, without timing the answer.
    expect(handled).toEqual([])
    await webhooks.processor?.drain()
    const [stored] = (await webhooks.inbox?.list()) ?? []
    expect(handled).toEqual([['490d5ec3c1xxxxxxxx2b759b5b', stored?.id, 1, undefined]])
    expect(stored).toMatchObject({ status: 'done', attempts: 1, verification: { method: 'md5Sign' } })
    await webhooks.processor?.stop()
  })

  it('makes one row of AIRudder retries of one delivery', async () => {
    const inbox = createMemoryInbox()
    const webhooks = inboxWebhooks(inbox)
    for (let i = 0; i < 3; i++) expect((await webhooks.handle(post(signedCall()))).status).toBe(200)
    await webhooks.processor?.stop()
    expect(await inbox.list()).toHaveLength(1)
  })

  it('stores nothing for a refused delivery', async () => {
    const inbox = createMemoryInbox()
    const webhooks = inboxWebhooks(inbox)
    expect((await webhooks.handle(post(signedCall({ key: 'wrong' })))).status).toBe(401)
    expect((await webhooks.handle(post('{"broken":'))).status).toBe(400)
    await webhooks.processor?.stop()
    expect(await inbox.list()).toEqual([])
  })

  it('retries a handler that fails twice on the backoff schedule, then succeeds', async () => {
    const webhooks = inboxWebhooks()
    const attempts: number[] = []
    webhooks.on('workflow.call.completed', () => {
      attempts.push(Date.now())
      if (attempts.length < 3) throw new Error(`failure ${attempts.length}`)
    })
    await webhooks.handle(post(signedCall()))
    for (let waited = 0; attempts.length < 3 && waited < 2000; waited += 20) await sleep(20)
    await webhooks.processor?.drain()
    await webhooks.processor?.stop()
    expect(attempts).toHaveLength(3)
    const gaps = [attempts[1]! - attempts[0]!, attempts[2]! - attempts[1]!]
    expect(gaps[0]).toBeGreaterThanOrEqual(retryDelay(1, { baseMs: 40, jitter: 0 }))
    expect(gaps[1]).toBeGreaterThanOrEqual(retryDelay(2, { baseMs: 40, jitter: 0 }))
    const [entry] = (await webhooks.inbox?.list()) ?? []
    expect(entry).toMatchObject({ status: 'done', attempts: 3, lastError: undefined })
  })

  it('ends an always-failing event dead with its error, and requeue runs it again', async () => {
    const webhooks = inboxWebhooks(createMemoryInbox(), 2)
    let fixed = false
    const codes: string[] = []
    webhooks.onError((error) => void codes.push(error.code))
    webhooks.on('workflow.call.completed', () => {
      if (!fixed) throw new Error('CRM rejected the record')
    })
    await webhooks.handle(post(signedCall()))
    for (let waited = 0; waited < 2000; waited += 20) {
      if ((await webhooks.inbox?.list({ status: 'dead' }))?.length) break
      await sleep(20)
    }
    const [dead] = (await webhooks.inbox?.list({ status: 'dead' })) ?? []
    expect(dead).toMatchObject({ attempts: 2, lastError: 'CRM rejected the record' })
    expect(codes).toEqual(['handler_failed', 'handler_failed'])
    fixed = true
    expect(await webhooks.inbox?.requeue(dead!.id)).toBe(true)
    await webhooks.processor?.notify()
    for (
      let waited = 0;
      waited < 2000 && (await webhooks.inbox?.get(dead!.id))?.status !== 'done';
      waited += 20
    ) {
      await sleep(20)
    }
    await webhooks.processor?.stop()
    expect(await webhooks.inbox?.get(dead!.id)).toMatchObject({ status: 'done', attempts: 1 })
  })

  it('stores a payload that fails its schema and hands it to onInvalid, or marks it dead without one', async () => {
    const json = JSON.parse(signedCall())
    json.Details[0].CallTimes = 'many'
    const withListener = inboxWebhooks()
    const invalid: string[] = []
    withListener.onInvalid((failure) => void invalid.push(failure.issues[0]?.path ?? ''))
    expect((await withListener.handle(post(JSON.stringify(json)))).status).toBe(200)
    await withListener.processor?.drain()
    await withListener.processor?.stop()
    expect(invalid).toEqual(['Details.0.CallTimes'])

    const without = inboxWebhooks()
    expect((await without.handle(post(JSON.stringify(json)))).status).toBe(200)
    await without.processor?.drain()
    await without.processor?.stop()
    const [dead] = (await without.inbox?.list({ status: 'dead' })) ?? []
    expect(dead?.lastError).toContain('Details.0.CallTimes: Expected an integer')
    expect(dead?.attempts).toBe(1)
  })

  it('records only the run holding the latest lease, and warns when a handler outlived its lease', async () => {
    const warnings: string[] = []
    const webhooks = createWebhooks({
      key: KEY,
      logger: { warn: (_, message) => void warnings.push(message), error: () => undefined },
      inbox: createMemoryInbox(),
      processing: { pollMs: 10, leaseMs: 30 },
    })
    const runs: number[] = []
    webhooks.on('workflow.call.completed', async (_event, { entry }) => {
      runs.push(entry.attempts)
      if (entry.attempts > 1) return
      await sleep(150)
      throw new Error('late failure')
    })
    await webhooks.handle(post(signedCall()))
    for (let waited = 0; warnings.length === 0 && waited < 2000; waited += 20) await sleep(20)
    await webhooks.processor?.stop()
    expect(runs).toEqual([1, 2])
    const [entry] = (await webhooks.inbox?.list()) ?? []
    expect(entry).toMatchObject({ status: 'done', attempts: 2, lastError: undefined })
    expect(warnings).toEqual([
      expect.stringMatching(/was taken over by another processor after its lease ran out.*leaseMs/),
    ])
  })

  it('does not start processing when autoStart is false', async () => {
    const webhooks = createWebhooks({
      key: KEY,
      logger: false,
      inbox: createMemoryInbox(),
      processing: { autoStart: false },
    })
    const handled: string[] = []
    webhooks.on('workflow.call.completed', (event) => void handled.push(event.id))
    await webhooks.handle(post(signedCall()))
    await sleep(50)
    expect(webhooks.processor?.running).toBe(false)
    expect(handled).toEqual([])
    await webhooks.processor?.drain()
    expect(handled).toHaveLength(1)
  })
})

describe('retryDelay()', () => {
  it('doubles from the base, caps at the maximum, and takes jitter off', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, { baseMs: 100, maxMs: 500, jitter: 0 }))).toEqual([
      100, 200, 400, 500,
    ])
    expect(retryDelay(1, { baseMs: 100, jitter: 0.5 }, () => 1)).toBe(50)
    expect(retryDelay(1, { baseMs: 100, jitter: 0.5 }, () => 0)).toBe(100)
  })
})
