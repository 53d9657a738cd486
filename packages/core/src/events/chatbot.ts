/**
 * @module
 * Chatbot event reports: `chatbot.channel.message.sent`, and `chatbot.<event>` for every other
 * chatbot event name (typed loosely until its shape is known; `defineEvent` can type it).
 */
import { z } from 'zod'
import { ChatMessageSchema } from '../schema/chatbot-message'
import { idString } from '../schema/drift'
import { defineEvent } from './define-event'
import type { JsonObject } from './shape'

const chatbotFields = { event: z.string(), company: z.string(), channel: z.string() }

export const ChatbotEventSchema = z.looseObject(chatbotFields)
export type ChatbotEventPayload = z.output<typeof ChatbotEventSchema>

export const ChatbotChannelMessageSentSchema = z.looseObject({
  ...chatbotFields,
  event: z.literal('channel.message.sent'),
  channel_id: idString(),
  user: z.looseObject({ id: idString() }),
  call_id: z.string(),
  messages: z.array(ChatMessageSchema),
})

export type ChatbotChannelMessageSent = z.output<typeof ChatbotChannelMessageSentSchema>

export const chatbotChannelMessageSent = defineEvent({
  type: 'chatbot.channel.message.sent',
  matches: { event: { equals: 'channel.message.sent' }, company: 'string', channel: 'string' },
  schema: ChatbotChannelMessageSentSchema,
  signing: 'header-sign',
  id: (payload) => `${payload.call_id}/${payload.messages.map((message) => message.msg_id).join(',')}`,
  docs: {
    push: 'Chatbot event report: channel message sent',
    id: '`call_id` + every `messages[].msg_id`',
  },
})

/** Any other chatbot event report; its type is `chatbot.` + the body's `event`. */
export const chatbotEvent = defineEvent({
  type: 'chatbot.*',
  matches: { event: 'string', company: 'string', channel: 'string' },
  schema: ChatbotEventSchema,
  signing: 'header-sign',
  docs: {
    push: 'Other chatbot event reports (`event` names)',
    id: 'hash of the raw body',
  },
})

export function chatbotType(json: JsonObject): `chatbot.${string}` {
  return `chatbot.${String(json.event)}`
}
