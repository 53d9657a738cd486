/**
 * @module
 * Chatbot / WhatsApp messages: a discriminated union on `content.type` (text, image, file,
 * template, button, interactive button/list, location, contacts, system), with an open fallback
 * for content types AIRudder adds later. A known type with a broken shape is rejected, never
 * passed off as the fallback.
 *
 * ```ts
 * switch (message.content.type) {
 *   case 'text': return message.content.text
 *   case 'location': return `${message.content.location.latitude},${message.content.location.longitude}`
 * }
 * ```
 */
import { z } from 'zod'
import { idString, integer, openEnum, optional, text } from './drift'

const media = z.looseObject({ origin_url: text(), name: optional(text()) })
const textBlock = z.looseObject({ text: text() })

const TextContent = z.looseObject({ type: z.literal('text'), text: text() })
const ImageContent = z.looseObject({ type: z.literal('image'), media })
const FileContent = z.looseObject({ type: z.literal('file'), media })
/** A user tapping a template's quick-reply button. */
const ButtonContent = z.looseObject({ type: z.literal('button'), text: text() })

const TemplateContent = z.looseObject({
  type: z.literal('template'),
  template: z.looseObject({
    type: text(),
    content: z.looseObject({
      header: optional(z.looseObject({ type: text(), media: optional(media) })),
      body: optional(text()),
      footer: optional(text()),
      button: optional(z.array(z.looseObject({ type: text(), text: text() }))),
    }),
    info: optional(z.looseObject({ id: integer(), name: optional(text()), language: optional(text()) })),
  }),
})

const InteractiveButton = z.looseObject({
  type: z.literal('button'),
  body: optional(textBlock),
  footer: optional(textBlock),
  action: z.looseObject({
    buttons: z.array(z.looseObject({ type: text(), reply: z.looseObject({ id: text(), title: text() }) })),
  }),
})

const InteractiveList = z.looseObject({
  type: z.literal('list'),
  body: optional(textBlock),
  footer: optional(textBlock),
  action: z.looseObject({
    button: text(),
    sections: z.array(
      z.looseObject({
        title: text(),
        rows: z.array(z.looseObject({ id: text(), title: text(), description: optional(text()) })),
      }),
    ),
  }),
})

/** A robot's interactive message carries `interactive`; the user's answer to it carries `text`. */
const InteractiveContent = z.looseObject({
  type: z.literal('interactive'),
  interactive: optional(z.discriminatedUnion('type', [InteractiveButton, InteractiveList])),
  text: optional(text()),
})

const LocationContent = z.looseObject({
  type: z.literal('location'),
  location: z.looseObject({
    latitude: z.number(),
    longitude: z.number(),
    address: optional(text()),
    name: optional(text()),
  }),
})

const ContactsContent = z.looseObject({
  type: z.literal('contacts'),
  contacts: z.array(z.looseObject({ name: text(), phone_number: text() })),
})

export const SYSTEM_EVENTS = ['conversation.start', 'conversation.take_over', 'conversation.close'] as const
const SystemContent = z.looseObject({
  type: z.literal('system'),
  system: z.looseObject({
    type: openEnum(SYSTEM_EVENTS),
    from_seat_id: optional(text()),
    to_seat_id: optional(text()),
  }),
})

const knownContent = [
  TextContent,
  ImageContent,
  FileContent,
  ButtonContent,
  TemplateContent,
  InteractiveContent,
  LocationContent,
  ContactsContent,
  SystemContent,
] as const
const KNOWN_CONTENT_TYPES: ReadonlySet<string> = new Set(
  knownContent.map((schema) => schema.shape.type.value),
)

declare const unrecognised: unique symbol
/**
 * The `type` of a content kind this version of the kit does not know. At run time it is the
 * string AIRudder sent; read it with `String(content.type)`. It is typed as an opaque object so
 * that `switch (content.type)` narrows exactly: `case 'text'` can never be this member (a
 * `string`-typed fallback would make every case's fields `unknown`).
 */
export interface UnrecognisedContentType {
  readonly [unrecognised]: true
  toString(): string
}
export interface UnrecognisedContent {
  readonly type: UnrecognisedContentType
  readonly [field: string]: unknown
}

const UnrecognisedContentSchema = z.looseObject({
  type: z
    .string()
    .refine((type) => !KNOWN_CONTENT_TYPES.has(type), 'Known content type with an invalid shape'),
}) as unknown as z.ZodType<UnrecognisedContent, { type: string }>

export const MessageContentSchema = z.union([
  z.discriminatedUnion('type', knownContent),
  UnrecognisedContentSchema,
])
export type MessageContent = z.output<typeof MessageContentSchema>

export const SENDER_TYPES = ['system', 'user', 'robot', 'agent', 'chatbot'] as const
export const MESSAGE_STATUSES = ['sent', 'delivery', 'read'] as const

const messageFields = {
  msg_id: idString(),
  sender_type: openEnum(SENDER_TYPES),
  timestamp: integer(),
  status: optional(openEnum(MESSAGE_STATUSES)),
  content: MessageContentSchema,
}

/** The message a user's message answers (`reply`); AIRudder's examples send it without `status`. */
export const RepliedMessageSchema = z.looseObject(messageFields)
/** A chatbot message: `status` and `reply` (absent or `null`) are optional. */
export const ChatMessageSchema = z.looseObject({ ...messageFields, reply: optional(RepliedMessageSchema) })
/** A message of a workflow chatbot session, whose field table requires `status`. */
export const SessionMessageSchema = z.looseObject({
  ...messageFields,
  status: openEnum(MESSAGE_STATUSES),
  reply: optional(RepliedMessageSchema),
})

export type ChatMessage = z.output<typeof ChatMessageSchema>
export type SessionMessage = z.output<typeof SessionMessageSchema>
export type RepliedMessage = z.output<typeof RepliedMessageSchema>
