/**
 * @module
 * `@airudder-webhooks/core`: typed, verified AIRudder webhook events. This list is the whole
 * public surface of the root (a test holds it to exactly these names): what a user writes to
 * receive webhooks, check a delivery, run one step alone, or plug in a store. Zod schemas, enum
 * lists and drift helpers are in `@airudder-webhooks/core/schemas`, the Node bridge in
 * `@airudder-webhooks/core/node`, what an inbox implementation needs in `@airudder-webhooks/core/inbox`,
 * the test kit in `@airudder-webhooks/core/testing`.
 *
 * - receiving: `createWebhooks`, `optionsFromEnv`, `Webhooks`, `WebhooksOptions`, `Receiver` (what
 *   every adapter takes), `Delivery`, `Answer`, `Logger`, `WebhookError`, `ErrorCode`
 * - events: `AirudderEvent`, `EventOf`, `EventType`, `UnknownEvent`, `InvalidEvent`, `Verification`,
 *   `defineEvent`, `EventDefinition`, `Definitions`, `createRegistry`, `summarizeEvent`
 * - verification: `md5Sign` (and `md5Hex`, the Sign it checks), `headerSign`, `urlToken`, `ipAllowlist`, `customVerifier`, `Verifier`,
 *   `VerifyInput`, `VerifyResult`, `VerifyRules`
 * - the pipeline steps, each taking the previous one's output and usable alone: `decode` ->
 *   `classify` -> `verify` -> `validate` (`Decoded`, `Classified`, `Verified`, `EventResult`), and
 *   `parse` (all but `verify`)
 * - stores: `createMemoryIdempotencyStore`, `IdempotencyStore`, `createMemoryInbox`, `Inbox`,
 *   `InboxEntry`, `InboxContext`
 *
 * ```ts
 * import { createWebhooks, optionsFromEnv } from '@airudder-webhooks/core'
 * const webhooks = createWebhooks(optionsFromEnv(process.env))
 * webhooks.on('workflow.call.completed', (event) => {
 *   for (const call of event.payload.Details) console.log(call.CallID, call.Intention)
 * })
 * export const POST = (request: Request) => webhooks.handle(request)
 * ```
 */

export { createWebhooks, type Webhooks, type WebhooksOptions } from './create-webhooks'
export { optionsFromEnv } from './env-options'
export type { AirudderEvent, Definitions, EventOf, EventType } from './events/catalogue'
export { defineEvent, type EventDefinition } from './events/define-event'
export type { InvalidEvent, UnknownEvent, Verification } from './events/event'
export { createRegistry } from './events/registry'
export { summarizeEvent } from './events/summarize'
export type { Receiver } from './http/receiver'
export { createMemoryInbox } from './inbox/memory-inbox'
export { type Classified, classify } from './steps/classify'
export { type Decoded, decode } from './steps/decode'
export { parse } from './steps/parse'
export { type EventResult, validate } from './steps/validate'
export type { VerifyRules } from './steps/verification'
export { type Verified, verify } from './steps/verify'
export { customVerifier } from './verify/custom'
export { headerSign } from './verify/header-sign'
export { ipAllowlist } from './verify/ip-allowlist'
export { md5Hex, md5Sign } from './verify/md5-sign'
export type { Verifier, VerifyInput, VerifyResult } from './verify/types'
export { urlToken } from './verify/url-token'
export { type ErrorCode, WebhookError } from './webhooks/errors'
export { createMemoryIdempotencyStore, type IdempotencyStore } from './webhooks/idempotency'
export type { Inbox, InboxContext, InboxEntry } from './webhooks/inbox-contract'
export type { Delivery } from './webhooks/pipeline'
export type { Answer, Logger } from './webhooks/runtime'
