/**
 * @module
 * `@airudder-webhooks/client`: AIRudder's pull API over Web `fetch`, and the reconciler that
 * recovers every call result AIRudder gave up pushing. Runs wherever core runs.
 *
 * ```ts
 * import { createAirudderClient } from '@airudder-webhooks/client'
 * const airudder = createAirudderClient({ token: process.env.AIRUDDER_TOKEN! })
 * const { task, calls } = await airudder.taskDetail(taskId)
 * ```
 */
export {
  type AirudderClient,
  type AirudderClientOptions,
  createAirudderClient,
  DEFAULT_BASE_URL,
  TASK_DETAIL_PATH,
  type TaskDetail,
  type TaskInfo,
} from './client'
export { AirudderApiError, type AirudderApiErrorCode } from './errors'
export type { SeenEvent } from './reconcile/learn'
export { createMemoryReconcileStore } from './reconcile/memory-store'
export {
  createReconciler,
  type Reconciler,
  type ReconcilerHost,
  type ReconcilerOptions,
} from './reconcile/reconciler'
export {
  deliveryId,
  isRecovered,
  PULL_API_VERIFICATION,
  recount,
  recoveredBody,
  recoverTask,
} from './reconcile/recover'
export {
  type ReconcileReport,
  type ReconcileStore,
  reportFromJson,
  reportToJson,
  type TaskLease,
  type TaskSource,
  type TrackedTask,
  type TrackedTaskState,
} from './reconcile/store'
export type { TokenSource } from './token'
