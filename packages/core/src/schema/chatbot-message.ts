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
import { integer, openEnum } from './drift'

const media = z.looseObject({ origin_url: z.string(), name: z.string().optional() })
const text = z.looseObject({ text: z.string() })

const TextContent = z.looseObject({ type: z.literal('text'), text: z.string() })
const ImageContent = z.looseObject({ type: z.literal('image'), media })
const FileContent = z.looseObject({ type: z.literal('file'), media })
/** A user tapping a template's quick-reply button. */
const ButtonContent = z.looseObject({ type: z.literal('button'), text: z.string() })

const TemplateContent = z.looseObject({
  type: z.literal('template'),
  template: z.looseObject({
    type: z.string(),
    content: z.looseObject({
      header: z.looseObject({ type: z.string(), media: media.optional() }).optional(),
      body: z.string().optional(),
      footer: z.string().optional(),
      button: z.array(z.looseObject({ type: z.string(), text: z.string() })).optional(),
    }),
    info: z.looseObject({ id: integer(), name: z.string(), language: z.string() }).optional(),
  }),
})

const InteractiveButton = z.looseObject({
  type: z.literal('button'),
  body: text.optional(),
  footer: text.optional(),
  action: z.looseObject({
    buttons: z.array(
      z.looseObject({ type: z.string(), reply: z.looseObject({ id: z.string(), title: z.string() }) }),
    ),
  }),
})

const InteractiveList = z.looseObject({
  type: z.literal('list'),
  body: text.optional(),
  footer: text.optional(),
  action: z.looseObject({
    button: z.string(),
    sections: z.array(
      z.looseObject({
        title: z.string(),
        rows: z.array(
          z.looseObject({ id: z.string(), title: z.string(), description: z.string().optional() }),
        ),
      }),
    ),
  }),
})

/** A robot's interactive message carries `interactive`; the user's answer to it carries `text`. */
const InteractiveContent = z.looseObject({
  type: z.literal('interactive'),
  interactive: z.discriminatedUnion('type', [InteractiveButton, InteractiveList]).optional(),
  text: z.string().optional(),
})

const LocationContent = z.looseObject({
  type: z.literal('location'),
  location: z.looseObject({
    latitude: z.number(),
    longitude: z.number(),
    address: z.string().optional(),
    name: z.string().optional(),
  }),
})

const ContactsContent = z.looseObject({
  type: z.literal('contacts'),
  contacts: z.array(z.looseObject({ name: z.string(), phone_number: z.string() })),
})

export const SYSTEM_EVENTS = ['conversation.start', 'conversation.take_over', 'conversation.close'] as const
const SystemContent = z.looseObject({
  type: z.literal('system'),
  system: z.looseObject({
    type: openEnum(SYSTEM_EVENTS),
    from_seat_id: z.string().optional(),
    to_seat_id: z.string().optional(),
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
  msg_id: z.string(),
  sender_type: openEnum(SENDER_TYPES),
  timestamp: integer(),
  status: openEnum(MESSAGE_STATUSES).optional(),
  content: MessageContentSchema,
}

/** The message a user's message answers (`reply`). */
export const RepliedMessageSchema = z.looseObject(messageFields)
export const ChatMessageSchema = z.looseObject({ ...messageFields, reply: RepliedMessageSchema.optional() })

export type ChatMessage = z.output<typeof ChatMessageSchema>
export type RepliedMessage = z.output<typeof RepliedMessageSchema>
