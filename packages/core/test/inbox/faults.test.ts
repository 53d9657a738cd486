import { describe, expect, it } from 'vitest'
import { createMemoryInbox, createWebhooks, type Inbox } from '../../src/index'
import { answer, KEY, post, signedCall, sleep } from '../webhooks/helpers'

/** A memory inbox whose `add` is replaced (a database that fails or swallows the write). */
function brokenInbox(add: Inbox['add']): Inbox {
  return { ...createMemoryInbox(), add }
}

const unavailable = {
  status: 503,
  body: {
    error: {
      code: 'inbox_unavailable',
      message: 'The delivery could not be stored right now; AIRudder will retry',
    },
  },
}

describe('an inbox that fails on the request path', () => {
  it('answers 503 inbox_unavailable (never 200) when storing fails, and logs why', async () => {
    const logged: string[] = []
    const inbox = brokenInbox(async () => {
      throw new Error('SQLITE_READONLY: attempt to write a readonly database')
    })
    const webhooks = createWebhooks({
      key: KEY,
      inbox,
      processing: { autoStart: false },
      logger: {
        warn: (fields, m) => void logged.push(`${m} ${JSON.stringify(fields)}`),
        error: (fields, m) => void logged.push(`${m} ${JSON.stringify(fields)}`),
      },
    })
    const response = await webhooks.handle(post(signedCall()))
    expect(response.headers.get('retry-after')).toBe('60')
    expect(await answer(response)).toEqual(unavailable)
    expect(logged).toEqual([
      expect.stringMatching(
        /could not store a delivery.*"type":"workflow\.call\.completed".*SQLITE_READONLY/,
      ),
    ])
  })

  it('answers 503 at deadlineMs when the store does not answer at all, and the retry is a duplicate once it lands', async () => {
    let land: (() => void) | undefined
    const memory = createMemoryInbox()
    const inbox: Inbox = {
      ...memory,
      add: (entry) =>
        land === undefined
          ? new Promise((resolve) => {
              land = () => void memory.add(entry).then(resolve)
            })
          : memory.add(entry),
    }
    const webhooks = createWebhooks({
      key: KEY,
      inbox,
      logger: false,
      deadlineMs: 50,
      processing: { autoStart: false },
    })
    expect(await answer(await webhooks.handle(post(signedCall())))).toEqual(unavailable)
    land?.()
    await sleep(10)
    expect(await answer(await webhooks.handle(post(signedCall())))).toEqual({ status: 200, body: {} })
    expect(await memory.list()).toHaveLength(1)
  })
})

describe('webhooks.close({ timeoutMs })', () => {
  it('lets handlers in hand finish, then stops claiming', async () => {
    const inbox = createMemoryInbox()
    const webhooks = createWebhooks({ key: KEY, inbox, logger: false, processing: { pollMs: 5 } })
    const finished: string[] = []
    webhooks.on('workflow.call.completed', async (event) => {
      await sleep(50)
      finished.push(event.id)
    })
    expect((await webhooks.handle(post(signedCall()))).status).toBe(200)
    while ((await inbox.list({ status: 'processing' })).length === 0) await sleep(2)
    await webhooks.close({ timeoutMs: 5000 })
    expect(finished).toHaveLength(1)
    expect(await inbox.list()).toMatchObject([{ status: 'done', attempts: 1 }])
    expect(webhooks.processor?.running).toBe(false)
    expect((await webhooks.handle(post(signedCall({ callId: 'after' })))).status).toBe(200)
    await sleep(30)
    expect(await inbox.list({ status: 'pending' })).toHaveLength(1)
  })

  it('releases what is still running at the limit, due at once for another processor', async () => {
    const inbox = createMemoryInbox()
    const webhooks = createWebhooks({ key: KEY, inbox, logger: false, processing: { pollMs: 5 } })
    let release: (() => void) | undefined
    webhooks.on('workflow.call.completed', () => new Promise<void>((resolve) => (release = resolve)))
    expect((await webhooks.handle(post(signedCall()))).status).toBe(200)
    while (release === undefined) await sleep(2)
    await webhooks.close({ timeoutMs: 20 })
    const [entry] = await inbox.list()
    expect(entry).toMatchObject({ status: 'pending', attempts: 1 })
    expect(entry?.availableAt.getTime()).toBeLessThanOrEqual(Date.now())
    // The other replica: takes it at once, without waiting for the 5-minute lease.
    expect(await inbox.claim(1, 60_000)).toMatchObject([{ id: entry?.id, attempts: 2 }])
    release?.()
  })
})

describe('an inbox that refuses to record a run done', () => {
  it('retries the write, so a handler that already ran is not run again', async () => {
    const memory = createMemoryInbox()
    let refusals = 2
    const inbox: Inbox = {
      ...memory,
      complete: async (entry) => {
        if (refusals-- > 0) throw new Error('SQLITE_BUSY: database is locked')
        return memory.complete(entry)
      },
    }
    const warned: string[] = []
    const webhooks = createWebhooks({
      key: KEY,
      inbox,
      processing: { pollMs: 5, leaseMs: 60_000 },
      logger: { warn: (_fields, message) => void warned.push(message), error: () => undefined },
    })
    let runs = 0
    webhooks.on('workflow.call.completed', () => {
      runs++
    })
    expect((await webhooks.handle(post(signedCall()))).status).toBe(200)
    while ((await memory.list({ status: 'done' })).length === 0) await sleep(20)
    await webhooks.close()
    expect(runs).toBe(1)
    expect(await memory.list()).toMatchObject([{ status: 'done', attempts: 1 }])
    expect(warned).toEqual([
      '@airudder-webhooks/core: could not record a handled inbox entry as done; retrying',
      '@airudder-webhooks/core: could not record a handled inbox entry as done; retrying',
    ])
  })
})
