/**
 * @module
 * The processor's retries against a real store: a handler failing twice then succeeding is done
 * after 3 attempts spaced by the backoff; an always-failing one is dead with its error and runs
 * again once requeued.
 */
import { createWebhooks, type Inbox } from '@airudder-webhooks/core'
import { afterEach, describe, expect, it } from 'vitest'
import { KEY } from '../deliveries'
import { numberedRequest, waitFor } from './numbered'

const processing = { retry: { baseMs: 40, jitter: 0 }, maxAttempts: 3, pollMs: 10 }

export function runRetryScenarios(name: string, open: () => Promise<Inbox>): void {
  describe(`${name} inbox retries`, () => {
    const cleanups: (() => Promise<void>)[] = []
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    })

    const receiver = async (handler: () => unknown) => {
      const inbox = await open()
      const webhooks = createWebhooks({ key: KEY, inbox, logger: false, processing })
      cleanups.push(async () => inbox.close?.())
      cleanups.push(async () => webhooks.processor?.stop())
      webhooks.on('workflow.call.completed', handler)
      const deliver = async (n: number) => {
        const { id, request } = numberedRequest(n, 'retry')
        const response = await webhooks.handle(request)
        expect(response.status).toBe(200)
        return id
      }
      return { inbox, webhooks, deliver }
    }

    it('retries a handler that fails twice, with the backoff between attempts, until done', async () => {
      const starts: number[] = []
      const { inbox, deliver } = await receiver(() => {
        starts.push(Date.now())
        if (starts.length <= 2) throw new Error(`flaky ${starts.length}`)
      })
      const id = await deliver(1)
      await waitFor('the entry to be done', async () => (await inbox.get(id))?.status === 'done')
      expect(await inbox.get(id)).toMatchObject({ status: 'done', attempts: 3, lastError: undefined })
      expect(starts).toHaveLength(3)
      const [first = 0, second = 0, third = 0] = starts
      expect(second - first).toBeGreaterThanOrEqual(40)
      expect(third - second).toBeGreaterThanOrEqual(80)
    })

    it('marks an always-failing entry dead with its error, and requeue runs it again', async () => {
      let healthy = false
      let runs = 0
      const { inbox, webhooks, deliver } = await receiver(() => {
        runs++
        if (!healthy) throw new Error('the CRM is down')
      })
      const id = await deliver(2)
      await waitFor('the entry to be dead', async () => (await inbox.get(id))?.status === 'dead')
      expect(await inbox.get(id)).toMatchObject({ status: 'dead', attempts: 3, lastError: 'the CRM is down' })
      expect(runs).toBe(3)
      expect((await inbox.list({ status: 'dead' })).map((entry) => entry.id)).toEqual([id])

      healthy = true
      expect(await inbox.requeue(id)).toBe(true)
      webhooks.processor?.notify()
      await waitFor('the requeued entry to be done', async () => (await inbox.get(id))?.status === 'done')
      expect(await inbox.get(id)).toMatchObject({ status: 'done', attempts: 1, lastError: undefined })
      expect(runs).toBe(4)
    })

    it('answers a second delivery of the same event as a duplicate and runs its handler once', async () => {
      let runs = 0
      const { inbox, webhooks, deliver } = await receiver(() => {
        runs++
      })
      const id = await deliver(3)
      await deliver(3)
      await webhooks.processor?.drain()
      expect(await inbox.get(id)).toMatchObject({ status: 'done', attempts: 1 })
      expect(runs).toBe(1)
    })
  })
}
