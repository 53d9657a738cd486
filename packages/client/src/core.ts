/**
 * @module
 * Everything this package takes from `@airudder-webhooks/core`, in one place, so a change in
 * core's export list is one edit here.
 */
export { type Inbox, type Logger, parse, type Verification } from '@airudder-webhooks/core'
export { redactText } from '@airudder-webhooks/core/redact'
export { type CallDetail, parseTaskDetail, type TaskDetailResponse } from '@airudder-webhooks/core/schemas'
// The Sign AIRudder computes (md5 of TaskID + KEY); the test kit's helper is Web-only, like this package.
export { md5Hex } from '@airudder-webhooks/core/testing'
