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
export type { TokenSource } from './token'
