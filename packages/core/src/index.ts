/**
 * @module
 * `@airudder-webhooks/core`: typed, verified AIRudder webhook events.
 *
 * ```ts
 * import { classify, parse, md5Sign } from '@airudder-webhooks/core'
 * const result = parse(body)
 * if (result.ok && result.event.type === 'workflow.call.completed') {
 *   for (const call of result.event.payload.Details) console.log(call.CallID, call.Intention)
 * }
 * ```
 */

export * from './env-options'
export * from './events/catalogue'
export type { ChatbotChannelMessageSent, ChatbotEventPayload } from './events/chatbot'
export { chatbotChannelMessageSent, chatbotEvent } from './events/chatbot'
export { type Classification, classify } from './events/classify'
export * from './events/define-event'
export type * from './events/event'
export { eventId, rawBodyId } from './events/event-id'
export * from './events/parse'
export * from './events/pds'
export * from './events/qa-recording-reported'
export { createRegistry, defaultRegistry, type Registry } from './events/registry'
export { isJsonObject, type JsonObject } from './events/shape'
export { summarizeEvent } from './events/summarize'
export * from './events/workflow-call-completed'
export * from './events/workflow-chatbot-session-ended'
export * from './events/workflow-custom-api-pushed'
export * from './events/workflow-list-completed'
export * from './events/workflow-status-changed'
export { type HandleOptions, toResponse } from './http/handle'
export { isJsonContentType } from './http/preflight'
export * from './inbox/backoff'
export { createMemoryInbox } from './inbox/memory-inbox'
export type { ProcessingOptions, Processor } from './inbox/processor'
export { compareCounts, INBOX_STATUSES, matchesListOptions, statsOf } from './inbox/query'
export type * from './inbox/types'
export * from './node/node-bridge'
export * from './schema/call-detail'
export * from './schema/chatbot-message'
export * from './schema/drift'
export * from './schema/task-detail'
export * from './verification'
export * from './verify/index'
export * from './webhooks/create-webhooks'
export { ERROR_STATUS, type ErrorBody, type ErrorCode, WebhookError } from './webhooks/errors'
export * from './webhooks/idempotency'
export type { Delivery } from './webhooks/pipeline'
export type { Answer, Logger } from './webhooks/runtime'
