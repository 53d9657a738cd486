/**
 * @module
 * Everything this package takes from `@airudder-webhooks/core`, in one place, so a change in
 * core's export list is one edit here.
 */
export {
  type AirudderEvent,
  type CallDetail,
  type Inbox,
  type Logger,
  md5Hex,
  parse,
  parseTaskDetail,
  type RetryOptions,
  retryDelay,
  type TaskDetailResponse,
  type Verification,
} from '@airudder-webhooks/core'
