import { createMemoryInbox, createWebhooks, type EventOf } from '@airudder-webhooks/core'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type AirudderApiError,
  type AirudderApiErrorCode,
  type AirudderClient,
  createAirudderClient,
  createMemoryReconcileStore,
  createReconciler,
  type ReconcileReport,
  type Reconciler,
  type TaskDetail,
  type TaskInfo,
  type TrackedTaskState,
} from '../src/index'
import { createSimulator, type DeliveryRecord, type Simulator } from '../src/simulator/index'

type PushedCall = EventOf<'workflow.call.completed'>['payload']['Details'][number]

describe('client types', () => {
  it('takes a token as a string or a (possibly async) function told whether to refresh', () => {
    expectTypeOf(createAirudderClient({ token: 'tok' })).toEqualTypeOf<AirudderClient>()
    createAirudderClient({ token: ({ refresh }) => (refresh ? 'fresh' : 'cached') })
    createAirudderClient({ token: async () => 'tok', baseUrl: 'http://127.0.0.1:1', timeoutMs: 500 })
    // @ts-expect-error the token is required
    createAirudderClient({ baseUrl: 'https://api.airudder.com' })
    // @ts-expect-error a token is text, not a number
    createAirudderClient({ token: 42 })
    // @ts-expect-error misspelt option
    createAirudderClient({ token: 'tok', baseURL: 'https://api.airudder.com' })
  })

  it('gives the pull API calls the same CallDetail type the push gives', () => {
    const client = createAirudderClient({ token: 'tok' })
    expectTypeOf(client.taskDetail('t')).resolves.toEqualTypeOf<TaskDetail>()
    expectTypeOf<TaskDetail['calls'][number]>().toEqualTypeOf<PushedCall>()
    expectTypeOf<TaskInfo['TaskID']>().toEqualTypeOf<string>()
    expectTypeOf<TaskInfo['Status']>().toBeString()
    // The calls are in `calls`: the task keeps only AIRudder's other (and unknown) fields.
    expectTypeOf<TaskInfo['detail']>().toBeUnknown()
    // @ts-expect-error a task id is text
    client.taskDetail(123)
  })

  it('narrows errors on their code', () => {
    expectTypeOf<AirudderApiErrorCode>().toEqualTypeOf<
      'unauthorized' | 'rejected' | 'unavailable' | 'invalid_response'
    >()
    const error = {} as AirudderApiError
    expectTypeOf(error.taskId).toEqualTypeOf<string>()
    expectTypeOf(error.status).toEqualTypeOf<number | undefined>()
    // @ts-expect-error not an error code
    if (error.code === 'timeout') throw error
  })
})

describe('reconciler types', () => {
  const webhooks = createWebhooks({ inbox: createMemoryInbox() })
  const reconcile = createReconciler({
    webhooks,
    client: createAirudderClient({ token: 'tok' }),
    store: createMemoryReconcileStore(),
  })

  it("takes createWebhooks' receiver as it is", () => {
    expectTypeOf(reconcile).toEqualTypeOf<Reconciler>()
    createReconciler({
      webhooks,
      // Anything with taskDetail does: a test double, or a client wrapped with metrics.
      client: { taskDetail: async (taskId) => ({ task: {} as TaskInfo, calls: [], taskId }) },
      store: createMemoryReconcileStore(),
    })
    // @ts-expect-error the store is required: tracked tasks must survive a restart
    createReconciler({ webhooks, client: createAirudderClient({ token: 'tok' }) })
  })

  it('hands listeners and callers the report', () => {
    reconcile.onRecovered((report) => {
      expectTypeOf(report).toEqualTypeOf<ReconcileReport>()
      expectTypeOf(report.recoveredCallIds).toEqualTypeOf<readonly string[]>()
      expectTypeOf(report.pulled).toBeNumber()
    })
    expectTypeOf(reconcile.reconcile('t', { dryRun: true })).resolves.toEqualTypeOf<ReconcileReport>()
    expectTypeOf(reconcile.report('t')).resolves.toEqualTypeOf<ReconcileReport | undefined>()
    // @ts-expect-error the option is dryRun
    reconcile.reconcile('t', { dry_run: true })
    // @ts-expect-error dueAt is a Date
    reconcile.track('t', { dueAt: 0 })
  })

  it('names the tracked states', () => {
    expectTypeOf<TrackedTaskState>().toEqualTypeOf<'pending' | 'pulling' | 'reconciled'>()
    // @ts-expect-error not a tracked state
    reconcile.store.list({ state: 'done' })
  })
})

describe('simulator types', () => {
  it('reports each delivery as delivered or dropped', () => {
    const airudder: Simulator = createSimulator({ timeScale: 600 })
    expectTypeOf(airudder.push('http://127.0.0.1:1/')).resolves.toEqualTypeOf<DeliveryRecord[]>()
    expectTypeOf<DeliveryRecord['outcome']>().toEqualTypeOf<'delivered' | 'dropped'>()
    // @ts-expect-error not a task status of the simulator
    airudder.addTask({ status: 'done' })
  })
})
