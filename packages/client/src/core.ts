/**
 * @module
 * Everything this package takes from `@airudder-webhooks/core`, in one place, so a change in
 * core's export list is one edit here.
 */
export { type Inbox, type Logger, md5Hex, parse, type Verification } from '@airudder-webhooks/core'
// The inbox processor's backoff: the client's retries and the reconciler's re-pulls space out the same way.
export { type RetryOptions, retryDelay } from '@airudder-webhooks/core/inbox'
export { type CallDetail, parseTaskDetail, type TaskDetailResponse } from '@airudder-webhooks/core/schemas'
