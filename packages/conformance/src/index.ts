/**
 * @module
 * The adapter conformance suite: the same deliveries and the same expected answers for every
 * adapter. An adapter's test only says how to mount `webhooks` in its framework and send one
 * request:
 *
 * ```ts
 * runConformance({ name: 'express', mount: (webhooks) => sendWithSupertest(app(webhooks)) })
 * ```
 */
export * from './deliveries'
export { type ExampleUnderTest, postDelivery, runExampleE2E } from './example-e2e'
export {
  HEADERS,
  type NumberedDelivery,
  numberedDelivery,
  numberedRequest,
  sleep,
  waitFor,
} from './inbox/numbered'
export { runRetryScenarios } from './inbox/retry-scenarios'
export { createSender, pool, type SendResult } from './inbox/send'
export { type ServerProcess, startServerProcess } from './inbox/server-process'
export { runInboxContract } from './inbox-contract'
export { freePort, type RunningServer, startServer } from './process'
export { runReconcileStoreContract } from './reconcile-store-contract'
export { type ConformanceDriver, type Reply, runConformance, type Send, type SentRequest } from './suite'
