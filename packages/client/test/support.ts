import { createMemoryInbox, createWebhooks } from '@airudder-webhooks/core'
import {
  createAirudderClient,
  createMemoryReconcileStore,
  createReconciler,
  type ReconcileStore,
} from '../src/index'
import type { Simulator } from '../src/simulator/index'

export const KEY = 'test-key'

/** A receiver with a memory inbox whose handler counts runs per CallID, and a reconciler pulling from the simulator. */
export function receiverFor(airudder: Simulator, options: { store?: ReconcileStore; quietMs?: number } = {}) {
  const webhooks = createWebhooks({
    key: KEY,
    // Status notifications are unsigned: a real receiver checks a URL token; these tests opt out.
    verify: { 'workflow.status.changed': false },
    inbox: createMemoryInbox(),
    processing: { autoStart: false },
    logger: false,
  })
  const runs = new Map<string, number>()
  const recoveredRuns: string[] = []
  webhooks.on('workflow.call.completed', (event) => {
    for (const detail of event.payload.Details) runs.set(detail.CallID, (runs.get(detail.CallID) ?? 0) + 1)
    if (event.verification.status === 'verified' && event.verification.method === 'pull-api') {
      recoveredRuns.push(event.payload.Details[0]!.CallID)
    }
  })
  const client = createAirudderClient({
    baseUrl: airudder.url!,
    token: () => airudder.token,
    retries: 1,
    timeoutMs: 2000, // a healthy pull answers well within it, even on a loaded machine
    retry: { baseMs: 5, maxMs: 10 },
  })
  const reconcile = createReconciler({
    webhooks,
    client,
    store: options.store ?? createMemoryReconcileStore(),
    quietMs: options.quietMs ?? 60_000,
    retry: { baseMs: 1, maxMs: 1, jitter: 0 },
    autoStart: false,
    key: KEY,
  })
  const push = async (taskId: string, callId: string) => {
    const response = await webhooks.handle(
      new Request('http://receiver.test/airudder', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: airudder.pushBody(taskId, callId),
      }),
    )
    return response.status
  }
  return { webhooks, runs, recoveredRuns, reconcile, push }
}
