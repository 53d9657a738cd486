/**
 * @module
 * The built-in event catalogue and the types derived from it: `AirudderEvent` (a discriminated
 * union on `type`), `EventOf<'pds.contact.status'>`, and their forms extended by user definitions.
 *
 * ```ts
 * function onCall(event: EventOf<'workflow.call.completed'>) {
 *   for (const call of event.payload.Details) console.log(call.CallID, call.Intention)
 * }
 * ```
 */
import type { z } from 'zod'
import {
  type ChatbotChannelMessageSent,
  type ChatbotEventPayload,
  chatbotChannelMessageSent,
} from './chatbot'
import type { EventDefinition } from './define-event'
import type { UnknownEvent, WebhookEvent } from './event'
import {
  type PdsAgentStatus,
  type PdsContactStatus,
  type PdsTaskStatus,
  pdsAgentStatus,
  pdsContactStatus,
  pdsTaskStatus,
} from './pds'
import { type QaRecordingReported, qaRecordingReported } from './qa-recording-reported'
import { type WorkflowCallCompleted, workflowCallCompleted } from './workflow-call-completed'
import {
  type WorkflowChatbotSessionEnded,
  workflowChatbotSessionEnded,
} from './workflow-chatbot-session-ended'
import { type WorkflowCustomApiPushed, workflowCustomApiPushed } from './workflow-custom-api-pushed'
import { type WorkflowListCompleted, workflowListCompleted } from './workflow-list-completed'
import { type WorkflowStatusChanged, workflowStatusChanged } from './workflow-status-changed'

/** Every built-in type whose shape is fully known, in the order the README lists them. */
export const builtinEvents = [
  workflowCallCompleted,
  workflowChatbotSessionEnded,
  pdsContactStatus,
  pdsTaskStatus,
  pdsAgentStatus,
  chatbotChannelMessageSent,
  workflowStatusChanged,
  workflowListCompleted,
  workflowCustomApiPushed,
  qaRecordingReported,
] as const

export interface BuiltinPayloads {
  'workflow.call.completed': WorkflowCallCompleted
  'workflow.chatbot.session_ended': WorkflowChatbotSessionEnded
  'pds.contact.status': PdsContactStatus
  'pds.task.status': PdsTaskStatus
  'pds.agent.status': PdsAgentStatus
  'chatbot.channel.message.sent': ChatbotChannelMessageSent
  'workflow.status.changed': WorkflowStatusChanged
  'workflow.list.completed': WorkflowListCompleted
  'workflow.custom_api.pushed': WorkflowCustomApiPushed
  'qa.recording.reported': QaRecordingReported
}

/** User definitions, as passed to `createRegistry` / `createWebhooks`. */
export type Definitions = readonly EventDefinition<string, z.ZodType>[]

/** Payload by type: the built-ins, overridden and extended by user definitions. */
export type PayloadMap<D extends Definitions = []> = Omit<BuiltinPayloads, D[number]['type']> & {
  [Def in D[number] as Def['type']]: z.output<Def['schema']>
}

/** A chatbot event report the catalogue does not type individually: `chatbot.` + its `event`. */
export type ChatbotEventType = `chatbot.${string}`
export type KnownEventType<D extends Definitions = []> = keyof PayloadMap<D> & string
export type EventType<D extends Definitions = []> = KnownEventType<D> | ChatbotEventType | 'unknown'

export type ChatbotEvent<T extends ChatbotEventType = ChatbotEventType> = WebhookEvent<T, ChatbotEventPayload>

type WildcardOf<T extends string> = T extends `${infer Head}.${string}` ? `${Head}.*` : never

/** `'pds.*'`-style wildcards over the first segment of every type name, and `'*'` for all. */
export type EventWildcard<D extends Definitions = []> = WildcardOf<EventType<D>> | '*'

/** The event for one type name: `EventOf<'pds.contact.status'>`. */
export type EventOf<T extends EventType<D>, D extends Definitions = []> =
  T extends KnownEventType<D>
    ? WebhookEvent<T, PayloadMap<D>[T]>
    : T extends 'unknown'
      ? UnknownEvent
      : T extends ChatbotEventType
        ? ChatbotEvent<T>
        : never

/** Every event the kit can hand over, discriminated on `type`. */
export type AirudderEvent<D extends Definitions = []> =
  | { [K in KnownEventType<D>]: WebhookEvent<K, PayloadMap<D>[K]> }[KnownEventType<D>]
  | ChatbotEvent
  | UnknownEvent

/** The events a subscription receives: a type name, a wildcard, or a list of them. */
export type EventFor<S, D extends Definitions = []> = S extends readonly (infer Item)[]
  ? EventFor<Item, D>
  : S extends '*'
    ? AirudderEvent<D>
    : S extends `${infer Head}.*`
      ? Extract<AirudderEvent<D>, { readonly type: `${Head}.${string}` }>
      : S extends EventType<D>
        ? EventOf<S, D>
        : never
