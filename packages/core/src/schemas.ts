/**
 * @module
 * `@airudder-webhooks/core/schemas`: the catalogue as data. The zod schema and definition of every
 * built-in event type, their payload types, the shared sub-schemas (call details, chatbot
 * messages, the pull API's task detail), the open enum lists, and the drift helpers the schemas
 * are written with, for users who validate, extend or document payloads themselves.
 *
 * ```ts
 * import { CallDetailSchema, CALL_STATUSES } from '@airudder-webhooks/core/schemas'
 * const call = CallDetailSchema.parse(row) // the same CallDetail the push delivers
 * ```
 */
export {
  type BuiltinPayloads,
  builtinEvents,
  type ChatbotEvent,
  type ChatbotEventType,
  type EventFor,
  type EventWildcard,
  type KnownEventType,
  type PayloadMap,
} from './events/catalogue'
export {
  type ChatbotChannelMessageSent,
  ChatbotChannelMessageSentSchema,
  type ChatbotEventPayload,
  ChatbotEventSchema,
  chatbotChannelMessageSent,
  chatbotEvent,
} from './events/chatbot'
export type { DefaultVerify, EventDocs, FieldKind, Matcher, Shape, Signing } from './events/define-event'
export type { SchemaIssue, WebhookEvent } from './events/event'
export { eventId, rawBodyId } from './events/event-id'
export * from './events/pds'
export * from './events/qa-recording-reported'
export { defaultRegistry, type Registry } from './events/registry'
export { isJsonObject, type JsonObject } from './events/shape'
export { SIGNING_DOCS, typesSignedWith } from './events/signing'
export * from './events/workflow-call-completed'
export * from './events/workflow-chatbot-session-ended'
export * from './events/workflow-custom-api-pushed'
export * from './events/workflow-list-completed'
export * from './events/workflow-status-changed'
export * from './schema/call-detail'
export * from './schema/chatbot-message'
export * from './schema/detect-drift'
export * from './schema/drift'
export * from './schema/task-detail'
export { HEADER_SIGN_ALGORITHMS, type HeaderSignAlgorithm } from './verify/algorithms'
