import { createMemoryInbox, createWebhooks } from '@airudder-webhooks/core'
import { buildEvent } from '@airudder-webhooks/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createAirudderClient,
  createMemoryReconcileStore,
  createReconciler,
  type ReconcileReport,
} from '../src/index'
import { createSimulator } from '../src/simulator/index'
import { KEY, receiverFor } from './support'

const airudder = createSimulator({ key: KEY })
beforeAll(() => airudder.listen())
afterAll(() => airudder.close())

const callIds = (taskId: string) => airudder.task(taskId)!.calls.map((call) => call.CallID)
const once = (ids: readonly string[]) => new Map(ids.map((id) => [id, 1]))

describe('reconciler', () => {
  it('learns a task from its pushes and recovers the calls that never arrived, once each', async () => {
    airudder.addTask({ taskId: 'learn', calls: 8 })
    const { webhooks, runs, recoveredRuns, reconcile, push } = receiverFor(airudder, { quietMs: 0 })
    const ids = callIds('learn')
    for (const id of ids.slice(0, 3)) expect(await push('learn', id)).toBe(200)
    await webhooks.processor!.drain()
    expect(await reconcile.store.get('learn')).toMatchObject({ state: 'pending', source: 'push' })

    const recovered: ReconcileReport[] = []
    reconcile.onRecovered((report) => void recovered.push(report))
    expect(await reconcile.runDue()).toBe(1)
    await webhooks.processor!.drain()

    expect(runs).toEqual(once(ids))
    expect(recoveredRuns.sort()).toEqual(ids.slice(3))
    expect(recovered).toHaveLength(1)
    expect(recovered[0]).toMatchObject({ taskId: 'learn', pulled: 8, pushed: 3, recovered: 5, missing: 0 })
    expect(recovered[0]?.recoveredCallIds).toEqual(ids.slice(3))
    expect(await reconcile.report('learn')).toMatchObject({ pulled: 8, pushed: 3, recovered: 5, handled: 8 })
    expect(await reconcile.store.get('learn')).toMatchObject({ state: 'reconciled', attempts: 1 })

    // A second pass and AIRudder's late retries change nothing.
    await reconcile.reconcile('learn')
    for (const id of ids) expect(await push('learn', id)).toBe(200)
    await webhooks.processor!.drain()
    expect(runs).toEqual(once(ids))
  })

  it('runs a recovered call once when its push arrives during the pull', async () => {
    airudder.addTask({ taskId: 'race', calls: 4 })
    const { webhooks, runs, reconcile, push } = receiverFor(airudder)
    const ids = callIds('race')
    const statuses: number[] = []
    airudder.onPull(async () => {
      // AIRudder's retry of two calls lands while the pull is being answered.
      statuses.push(await push('race', ids[0]!), await push('race', ids[1]!))
    })
    const report = await reconcile.reconcile('race')
    airudder.onPull(undefined)
    await webhooks.processor!.drain()
    expect(statuses).toEqual([200, 200])
    expect(report).toMatchObject({ pulled: 4, pushed: 2, recovered: 2 })
    expect(runs).toEqual(once(ids))
  })

  it('runs a recovered call once when its push arrives afterwards, before or after its handlers ran', async () => {
    airudder.addTask({ taskId: 'late', calls: 4 })
    const { webhooks, runs, recoveredRuns, reconcile, push } = receiverFor(airudder)
    const ids = callIds('late')
    expect(await reconcile.reconcile('late')).toMatchObject({ pulled: 4, pushed: 0, recovered: 4 })
    // AIRudder's last retry of two calls lands while their recovered entries wait for the processor...
    expect(await push('late', ids[0]!)).toBe(200)
    expect(await push('late', ids[1]!)).toBe(200)
    await webhooks.processor!.drain()
    // ...and of the two others once their handlers have run.
    expect(await push('late', ids[2]!)).toBe(200)
    expect(await push('late', ids[3]!)).toBe(200)
    await webhooks.processor!.drain()
    expect(runs).toEqual(once(ids))
    expect(recoveredRuns.sort()).toEqual(ids)
    expect(await reconcile.reconcile('late')).toMatchObject({ pushed: 0, recovered: 4, handled: 4 })
  })

  it('tracks tasks the user names, and finished tasks from status notifications at once', async () => {
    airudder.addTask({ taskId: 'tracked', calls: 2 })
    airudder.addTask({ taskId: 'by-status', calls: 2 })
    const { webhooks, runs, reconcile } = receiverFor(airudder, { quietMs: 3_600_000 })
    await reconcile.track('tracked', { dueAt: new Date(0) })
    const status = buildEvent('workflow.status.changed', {
      actions: [
        {
          nodetask_id: 'n1',
          nodetask_name: 'Voicebot',
          node_type: 'voicebot',
          task_id: 'by-status',
          task_status: 'finished',
        },
      ],
    })
    const response = await webhooks.handle(
      new Request('http://receiver.test/', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(status),
      }),
    )
    expect(response.status).toBe(200)
    await webhooks.processor!.drain()
    expect(await reconcile.store.get('by-status')).toMatchObject({ source: 'status', state: 'pending' })
    expect(await reconcile.runDue()).toBe(2)
    await webhooks.processor!.drain()
    expect(runs).toEqual(once([...callIds('tracked'), ...callIds('by-status')]))
  })

  it('keeps pulling a task that is still calling until it is finished', async () => {
    const task = airudder.addTask({ taskId: 'running', calls: 2, status: 'calling' })
    const { webhooks, runs, reconcile } = receiverFor(airudder, { quietMs: 0 })
    await reconcile.track('running', { dueAt: new Date(0) })
    await reconcile.runDue()
    expect(await reconcile.store.get('running')).toMatchObject({ state: 'pending' })
    task.calls.push({ CallID: 'running-late', id: 9, Intention: 'A', CaseID: 'c9' })
    task.status = 'finished'
    await reconcile.runDue()
    await webhooks.processor!.drain()
    expect(await reconcile.store.get('running')).toMatchObject({ state: 'reconciled', attempts: 2 })
    expect(runs).toEqual(once(callIds('running')))
  })

  it('a dry run counts what is missing and adds nothing', async () => {
    airudder.addTask({ taskId: 'dry', calls: 3 })
    const { webhooks, runs, reconcile, push } = receiverFor(airudder)
    await push('dry', callIds('dry')[0]!)
    const report = await reconcile.reconcile('dry', { dryRun: true })
    await webhooks.processor!.drain()
    expect(report).toMatchObject({ pulled: 3, pushed: 1, recovered: 0, missing: 2 })
    expect(report.recoveredCallIds).toEqual(callIds('dry').slice(1))
    expect(runs).toEqual(once(callIds('dry').slice(0, 1)))
  })

  it('needs a receiver with an inbox', () => {
    const client = createAirudderClient({ token: 't' })
    expect(() =>
      createReconciler({ webhooks: createWebhooks(), client, store: createMemoryReconcileStore() }),
    ).toThrow(/needs a receiver with an inbox/)
    expect(
      createWebhooks({ inbox: createMemoryInbox(), processing: { autoStart: false } }).inbox,
    ).toBeDefined()
  })
})

describe('reconciler when the pull API fails', () => {
  it('retries after 500s and timeouts, then recovers each call once', async () => {
    airudder.addTask({ taskId: 'flaky', calls: 5 })
    const { webhooks, runs, reconcile, push } = receiverFor(airudder)
    await push('flaky', callIds('flaky')[0]!)
    await webhooks.processor!.drain()
    await reconcile.track('flaky', { dueAt: new Date(0) })
    // The client retries once per pull: two failures fail a pull, and the task is due again.
    airudder.failPulls({ status: 500 }, { status: 502 }, { delayMs: 5000 }, { status: 503 })
    await reconcile.runDue()
    expect(await reconcile.store.get('flaky')).toMatchObject({ state: 'pending', attempts: 1 })
    expect((await reconcile.store.get('flaky'))?.lastError).toMatch(/task flaky failed after 2 attempt/)
    expect(runs).toEqual(once(callIds('flaky').slice(0, 1)))
    await new Promise((resolve) => setTimeout(resolve, 5))
    await reconcile.runDue()
    expect((await reconcile.store.get('flaky'))?.lastError).toMatch(
      /failed after 2 attempt\(s\): AIRudder answered 503/,
    )
    await new Promise((resolve) => setTimeout(resolve, 5))
    await reconcile.runDue()
    await webhooks.processor!.drain()
    expect(await reconcile.store.get('flaky')).toMatchObject({ state: 'reconciled', attempts: 3 })
    expect(runs).toEqual(once(callIds('flaky')))
  })

  it('gets a fresh token after a 401 and recovers', async () => {
    airudder.addTask({ taskId: 'rotated', calls: 3 })
    const { webhooks, runs, reconcile } = receiverFor(airudder)
    await reconcile.reconcile('rotated', { dryRun: true })
    airudder.rotateToken()
    const before = airudder.pulls.length
    const report = await reconcile.reconcile('rotated')
    await webhooks.processor!.drain()
    expect(airudder.pulls.slice(before).map((pull) => pull.status)).toEqual([401, 200])
    expect(report).toMatchObject({ recovered: 3 })
    expect(runs).toEqual(once(callIds('rotated')))
  })
})
