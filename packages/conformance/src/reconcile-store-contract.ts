/**
 * @module
 * `runReconcileStoreContract(name, open)`: what every reconcile store (the reconciler's tracked
 * tasks) must do, run against the in-memory reference and each durable store. `open()` returns a
 * fresh, empty store.
 */
import type { ReconcileReport, ReconcileStore, TrackedTask } from '@airudder-webhooks/client'
import { afterEach, describe, expect, it } from 'vitest'

const PAST = new Date(0)
const later = () => new Date(Date.now() + 3_600_000)
const seen = { source: 'push' as const, seenAt: new Date('2026-01-01T00:00:00Z') }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const report = (taskId: string): ReconcileReport => ({
  taskId,
  taskStatus: 'finished',
  pulledAt: new Date('2026-01-02T03:04:05.006Z'),
  pulled: 3,
  pushed: 1,
  recovered: 2,
  missing: 0,
  handled: 1,
  recoveredCallIds: ['c2', 'c3'],
  entryIds: ['workflow.call.completed:t/c1', 'workflow.call.completed:t/c2', 'workflow.call.completed:t/c3'],
})

const only = (claimed: readonly TrackedTask[]) => {
  expect(claimed).toHaveLength(1)
  return claimed[0] as TrackedTask
}

export function runReconcileStoreContract(
  name: string,
  open: () => Promise<ReconcileStore> | ReconcileStore,
): void {
  describe(`${name} reconcile store contract`, () => {
    let store: ReconcileStore | undefined
    const fresh = async () => {
      store = await open()
      return store
    }
    afterEach(async () => {
      await store?.close?.()
      store = undefined
    })

    it('tracks a task and leases it once it is due', async () => {
      const s = await fresh()
      await s.track('later', { ...seen, dueAt: later() })
      await s.track('due', { ...seen, dueAt: PAST })
      expect(await s.get('due')).toMatchObject({
        taskId: 'due',
        state: 'pending',
        source: 'push',
        attempts: 0,
      })
      const task = only(await s.claim(10, 60_000))
      expect(task).toMatchObject({ taskId: 'due', state: 'pulling', attempts: 1, lastError: undefined })
      expect(task.dueAt.getTime()).toBeGreaterThan(Date.now())
      expect(await s.claim(10, 60_000)).toEqual([])
      expect(await s.get('later')).toMatchObject({ state: 'pending', attempts: 0 })
    })

    it('settles a pull with its report, and only with the latest lease', async () => {
      const s = await fresh()
      await s.track('t', { ...seen, dueAt: PAST })
      const first = only(await s.claim(1, 30))
      await sleep(80)
      const second = only(await s.claim(1, 60_000))
      expect(second.attempts).toBe(2)
      expect(await s.settle(first, report('t'), null)).toBe(false)
      expect(await s.fail(first, 'late', new Date())).toBe(false)
      expect(await s.settle(second, report('t'), null)).toBe(true)
      expect(await s.get('t')).toMatchObject({ state: 'reconciled', attempts: 2, report: report('t') })
      expect(await s.claim(1, 60_000)).toEqual([])
    })

    it('keeps a running task pending until its next pull, and retries a failed pull', async () => {
      const s = await fresh()
      await s.track('t', { ...seen, dueAt: PAST })
      const next = later()
      expect(await s.settle(only(await s.claim(1, 60_000)), report('t'), next)).toBe(true)
      expect(await s.get('t')).toMatchObject({ state: 'pending', dueAt: next, report: report('t') })
      await s.track('u', { ...seen, dueAt: PAST })
      expect(await s.fail(only(await s.claim(1, 60_000)), 'AIRudder answered 503', PAST)).toBe(true)
      expect(await s.get('u')).toMatchObject({
        state: 'pending',
        lastError: 'AIRudder answered 503',
        attempts: 1,
      })
      expect(only(await s.claim(1, 60_000))).toMatchObject({ taskId: 'u', attempts: 2 })
    })

    it('moves a pending task to the newest due time, tracks a reconciled one again, never disturbs a pull', async () => {
      const s = await fresh()
      await s.track('t', { ...seen, dueAt: PAST })
      await s.track('t', { source: 'status', seenAt: new Date('2026-01-03T00:00:00Z'), dueAt: later() })
      expect(await s.claim(1, 60_000)).toEqual([])
      await s.track('t', { ...seen, dueAt: PAST })
      const lease = only(await s.claim(1, 60_000))
      await s.track('t', { source: 'push', seenAt: new Date('2026-01-04T00:00:00Z'), dueAt: PAST })
      expect(await s.get('t')).toMatchObject({
        state: 'pulling',
        lastSeenAt: new Date('2026-01-04T00:00:00Z'),
      })
      expect(await s.claim(1, 60_000)).toEqual([])
      expect(await s.settle(lease, report('t'), null)).toBe(true)
      await s.track('t', { ...seen, dueAt: PAST })
      expect(await s.get('t')).toMatchObject({ state: 'pending', report: report('t') })
    })

    it('lists tasks by state', async () => {
      const s = await fresh()
      for (const id of ['a', 'b', 'c']) await s.track(id, { ...seen, dueAt: id === 'c' ? later() : PAST })
      await s.claim(1, 60_000)
      expect((await s.list()).map((t) => t.taskId).sort()).toEqual(['a', 'b', 'c'])
      expect((await s.list({ state: 'pulling' })).map((t) => t.taskId)).toHaveLength(1)
      expect((await s.list({ state: 'pending', limit: 1 })).map((t) => t.state)).toEqual(['pending'])
    })

    it('never leases one task to two claimers at once', async () => {
      const s = await fresh()
      const ids = Array.from({ length: 20 }, (_, n) => `task-${n}`)
      for (const id of ids) await s.track(id, { ...seen, dueAt: PAST })
      const claims = await Promise.all(Array.from({ length: 6 }, () => s.claim(5, 60_000)))
      const claimed = claims.flat().map((t) => t.taskId)
      expect(claimed.sort()).toEqual([...ids].sort())
    })
  })
}
