import { describe, expect, it } from 'vitest'
import { parse } from '../src/index'
import { ChatMessageSchema, MessageContentSchema } from '../src/schemas'
import { fixtureJson, fixtureText } from './fixtures'

describe('chatbot messages', () => {
  it('parses every content type of the session-ended fixture', () => {
    const result = parse(fixtureText('workflow-chatbot-session-ended.json'))
    if (!result.ok || result.event.type !== 'workflow.chatbot.session_ended')
      throw new Error('expected a session')
    const types = result.event.payload.messages.map((message) => message.content.type)
    expect(new Set(types)).toEqual(
      new Set([
        'system',
        'template',
        'button',
        'text',
        'image',
        'file',
        'interactive',
        'location',
        'contacts',
      ]),
    )
  })

  it('narrows content by type, including interactive button and list', () => {
    const { messages } = fixtureJson('chatbot-channel-message-sent.json')
    const contents = messages.map((message: unknown) => ChatMessageSchema.parse(message).content)
    const summary = contents.map((content: ReturnType<typeof MessageContentSchema.parse>) => {
      switch (content.type) {
        case 'text':
          return content.text
        case 'image':
          return content.media.origin_url.slice(0, 8)
        case 'file':
          return content.media.name
        case 'template':
          return content.template.info?.name
        case 'interactive':
          return content.interactive?.type === 'list'
            ? content.interactive.action.sections.length
            : content.interactive?.action.buttons.length
        default:
          return content.type
      }
    })
    expect(summary).toEqual([
      'opt_out_02_27_english',
      '一位来自WhatsApp的朋友 ,欢迎使用 AIRudder 客户服务',
      'https://',
      'welcome_to_Earth.pdf',
      3,
      2,
      'hi',
    ])
  })

  it('keeps the message a user answered (`reply`) typed', () => {
    const json = fixtureJson('workflow-chatbot-session-ended.json')
    const message = ChatMessageSchema.parse(json.messages[2])
    expect(message.content).toEqual({ type: 'button', text: 'no' })
    expect(message.reply?.content.type).toBe('template')
  })

  it('accepts a content type AIRudder adds later, keeping every field', () => {
    const content = { type: 'video', media: { origin_url: 'https://x/v.mp4' }, duration: 12 }
    expect(MessageContentSchema.parse(content)).toEqual(content)
  })

  it('rejects a known content type with a broken shape instead of passing it off as unknown', () => {
    expect(MessageContentSchema.safeParse({ type: 'text', text: 42 }).success).toBe(false)
    expect(
      MessageContentSchema.safeParse({ type: 'location', location: { latitude: 'north' } }).success,
    ).toBe(false)
    expect(MessageContentSchema.safeParse({ text: 'no type' }).success).toBe(false)
  })

  it('accepts a new system event and interactive answer forms', () => {
    expect(
      MessageContentSchema.parse({ type: 'system', system: { type: 'conversation.transfer' } }),
    ).toMatchObject({
      system: { type: 'conversation.transfer' },
    })
    expect(MessageContentSchema.parse({ type: 'interactive', text: '男' })).toEqual({
      type: 'interactive',
      text: '男',
    })
  })
})
