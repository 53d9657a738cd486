/**
 * @module
 * `runInboxContract(name, open)`: what every `Inbox` implementation must do, run against the
 * in-memory reference and each durable inbox. `open()` returns a fresh, empty inbox.
 */
import type { Inbox, InboxEntry } from '@airudder-webhooks/core'
import type { NewInboxEntry } from '@airudder-webhooks/core/inbox'
import { afterEach, describe, expect, it } from 'vitest'
import { queryContract } from './inbox/query-contract'

const entry = (id: string, receivedAt = new Date('2026-01-01T00:00:00Z')): NewInboxEntry => ({
  id,
  type: 'workflow.call.completed',
  raw: `{"id":"${id}"}`,
  receivedAt,
  verification: { status: 'verified', method: 'md5Sign', keyIndex: 0 },
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/**
 * A lease or retry delay the test waits out: long enough that a loaded 2-core CI machine does the
 * next step inside it (50 ms was not), short enough to keep the suite quick.
 */
const SHORT_MS = 1_000

/** The claimed entry with this id (a claim's entries are its leases). */
function leaseOf(claimed: readonly InboxEntry[], id: string): InboxEntry {
  const found = claimed.find((e) => e.id === id)
  if (!found) throw new Error(`expected ${id} among the claimed entries: ${claimed.map((e) => e.id)}`)
  return found
}

export function runInboxContract(name: string, open: () => Promise<Inbox> | Inbox): void {
  describe(`${name} inbox contract`, () => {
    let inbox: Inbox | undefined
    const fresh = async () => {
      inbox = await open()
      return inbox
    }
    afterEach(async () => {
      await inbox?.close?.()
      inbox = undefined
    })

    it('stores a delivery once per id and keeps it as received', async () => {
      const box = await fresh()
      expect(await box.add(entry('a'))).toBe('stored')
      expect(await box.add({ ...entry('a'), raw: '{"other":1}' })).toBe('duplicate')
      expect(await box.get('a')).toMatchObject({
        ...entry('a'),
        status: 'pending',
        attempts: 0,
        lastError: undefined,
      })
      expect(await box.get('missing')).toBeUndefined()
    })

    it('claims due entries oldest first, up to the limit, counting attempts', async () => {
      const box = await fresh()
      for (const id of ['first', 'second', 'third']) {
        await box.add(entry(id))
        await sleep(5)
      }
      const claimed = await box.claim(2, 60_000)
      expect(claimed.map((e) => [e.id, e.status, e.attempts])).toEqual([
        ['first', 'processing', 1],
        ['second', 'processing', 1],
      ])
      expect((await box.claim(5, 60_000)).map((e) => e.id)).toEqual(['third'])
      expect(await box.claim(5, 60_000)).toEqual([])
    })

    it('lets another processor take over an entry whose lease ran out', async () => {
      const box = await fresh()
      await box.add(entry('leased'))
      expect(await box.claim(1, SHORT_MS)).toHaveLength(1)
      expect(await box.claim(1, SHORT_MS)).toHaveLength(0)
      await sleep(SHORT_MS + 100)
      const [taken] = await box.claim(1, 60_000)
      expect(taken).toMatchObject({ id: 'leased', attempts: 2, status: 'processing' })
    })

    it('settles an entry only for the processor holding its latest claim', async () => {
      const box = await fresh()
      await box.add(entry('leased'))
      const stale = leaseOf(await box.claim(1, SHORT_MS), 'leased')
      await sleep(SHORT_MS + 100)
      const current = leaseOf(await box.claim(1, 60_000), 'leased')
      expect(await box.complete(stale)).toBe(false)
      expect(await box.fail(stale, 'late failure', null)).toBe(false)
      expect(await box.get('leased')).toMatchObject({
        status: 'processing',
        attempts: 2,
        lastError: undefined,
      })
      expect(await box.complete(current)).toBe(true)
      expect(await box.get('leased')).toMatchObject({ status: 'done' })
      expect(await box.complete(current)).toBe(false)
      expect(await box.fail(current, 'after done', null)).toBe(false)
      expect(await box.get('leased')).toMatchObject({ status: 'done', lastError: undefined })
    })

    it('releases held leases at once (shutdown), and only those still held', async () => {
      const box = await fresh()
      for (const id of ['held', 'done']) {
        await box.add(entry(id))
        await sleep(5)
      }
      const claimed = await box.claim(2, 60_000)
      expect(await box.complete(leaseOf(claimed, 'done'))).toBe(true)
      expect(await box.release?.(claimed)).toBe(1)
      expect(await box.get('held')).toMatchObject({ status: 'pending', attempts: 1 })
      expect(await box.get('done')).toMatchObject({ status: 'done' })
      // Due at once, without waiting for the minute-long lease; the released lease settles nothing.
      const [again] = await box.claim(5, 60_000)
      expect(again).toMatchObject({ id: 'held', attempts: 2 })
      expect(await box.complete(leaseOf(claimed, 'held'))).toBe(false)
      expect(await box.complete(leaseOf([again as InboxEntry], 'held'))).toBe(true)
    })

    it('claims the entries of one ordering key one at a time, oldest first by their own time', async () => {
      const box = await fresh()
      const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds))
      // Received out of order: HANGUP first, then RINGING, then CALLING; another call alongside.
      await box.add({ ...entry('hangup'), orderingKey: 'callid:1', orderedAt: at(30) })
      await box.add({ ...entry('ringing'), orderingKey: 'callid:1', orderedAt: at(10) })
      await box.add({ ...entry('calling'), orderingKey: 'callid:1', orderedAt: at(0) })
      await box.add({ ...entry('other-call'), orderingKey: 'callid:2', orderedAt: at(20) })
      await box.add(entry('unordered'))
      const ran: string[] = []
      for (let round = 0; round < 5; round++) {
        const claimed = await box.claim(10, 60_000)
        expect(claimed.filter((e) => e.orderingKey === 'callid:1').length).toBeLessThanOrEqual(1)
        for (const lease of claimed) {
          if (lease.orderingKey === 'callid:1') ran.push(lease.id)
          // Failing with a retry keeps the key's turn: nothing newer of it runs meanwhile.
          expect(await box.complete(lease)).toBe(true)
        }
        if (round === 0)
          expect(claimed.map((e) => e.id).sort()).toEqual(['calling', 'other-call', 'unordered'])
      }
      expect(ran).toEqual(['calling', 'ringing', 'hangup'])
      const held = await box.get('hangup')
      expect(held).toMatchObject({ orderingKey: 'callid:1', orderedAt: at(30), status: 'done' })
    })

    it('keeps a key waiting while its oldest entry waits for a retry', async () => {
      const box = await fresh()
      const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds))
      await box.add({ ...entry('first'), orderingKey: 'k', orderedAt: at(0) })
      await box.add({ ...entry('second'), orderingKey: 'k', orderedAt: at(1) })
      const [first] = await box.claim(10, 60_000)
      expect(first?.id).toBe('first')
      expect(await box.claim(10, 60_000)).toEqual([])
      expect(await box.fail(first as InboxEntry, 'try again', new Date(Date.now() + 1000))).toBe(true)
      expect(await box.claim(10, 60_000)).toEqual([])
      await sleep(1100)
      expect((await box.claim(10, 60_000)).map((e) => e.id)).toEqual(['first'])
    })

    it('completes, retries at the given time, and marks dead', async () => {
      const box = await fresh()
      for (const id of ['ok', 'retry', 'dead']) await box.add(entry(id))
      const claimed = await box.claim(3, 60_000)
      expect(await box.complete(leaseOf(claimed, 'ok'))).toBe(true)
      expect(await box.fail(leaseOf(claimed, 'retry'), 'db down', new Date(Date.now() + SHORT_MS))).toBe(true)
      expect(await box.fail(leaseOf(claimed, 'dead'), 'always broken', null)).toBe(true)
      expect(await box.get('ok')).toMatchObject({ status: 'done', lastError: undefined })
      expect(await box.get('dead')).toMatchObject({ status: 'dead', lastError: 'always broken', attempts: 1 })
      expect(await box.get('retry')).toMatchObject({ status: 'pending', lastError: 'db down' })
      expect(await box.claim(5, 60_000)).toEqual([])
      await sleep(SHORT_MS + 100)
      expect((await box.claim(5, 60_000)).map((e) => [e.id, e.attempts])).toEqual([['retry', 2]])
    })

    it('lists by status, newest first, and requeues dead entries with attempts reset', async () => {
      const box = await fresh()
      await box.add(entry('old', new Date('2026-01-01T00:00:00Z')))
      await box.add(entry('new', new Date('2026-01-02T00:00:00Z')))
      for (const claimed of await box.claim(2, 60_000)) await box.fail(claimed, claimed.id, null)
      expect((await box.list({ status: 'dead' })).map((e) => e.id)).toEqual(['new', 'old'])
      expect((await box.list({ status: 'dead', limit: 1 })).map((e) => e.id)).toEqual(['new'])
      expect(await box.requeue('old')).toBe(true)
      expect(await box.requeue('missing')).toBe(false)
      expect(await box.get('old')).toMatchObject({ status: 'pending', attempts: 0, lastError: undefined })
      expect((await box.claim(5, 60_000)).map((e) => e.id)).toEqual(['old'])
    })

    it("refuses to requeue an entry that is pending or in a processor's hands", async () => {
      const box = await fresh()
      for (const id of ['claimed', 'pending']) {
        await box.add(entry(id))
        await sleep(5)
      }
      const claimed = leaseOf(await box.claim(1, 60_000), 'claimed')
      expect(await box.requeue('claimed')).toBe(false)
      expect(await box.requeue('pending')).toBe(false)
      expect(await box.get('claimed')).toMatchObject({ status: 'processing', attempts: 1 })
      expect(await box.complete(claimed)).toBe(true)
      expect(await box.requeue('claimed')).toBe(true)
      expect(await box.get('claimed')).toMatchObject({ status: 'pending', attempts: 0 })
    })

    it('prunes done entries older than the retention, and forgets their ids', async () => {
      const box = await fresh()
      for (const id of ['done', 'pending']) await box.add(entry(id))
      expect(await box.complete(leaseOf(await box.claim(1, 60_000), 'done'))).toBe(true)
      expect(await box.prune(new Date(Date.now() - 60_000))).toBe(0)
      expect(await box.prune(new Date(Date.now() + 1000))).toBe(1)
      expect(await box.get('done')).toBeUndefined()
      expect(await box.get('pending')).toMatchObject({ status: 'pending' })
      expect(await box.add(entry('done'))).toBe('stored')
    })

    queryContract(fresh)
  })
}
