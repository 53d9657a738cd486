import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import {
  type AirudderEvent,
  createRegistry,
  defineEvent,
  type EventOf,
  parse,
  type VerifyRules,
} from '../src/index'
import type { CallDetail, MessageContent } from '../src/schemas'

describe('event types', () => {
  it('EventOf gives one member of the union', () => {
    expectTypeOf<EventOf<'pds.contact.status'>['type']>().toEqualTypeOf<'pds.contact.status'>()
    expectTypeOf<EventOf<'pds.contact.status'>['payload']['body']['callid']>().toEqualTypeOf<string>()
    expectTypeOf<EventOf<'pds.contact.status'>['payload']['body']['timestamp']>().toEqualTypeOf<number>()
    expectTypeOf<EventOf<'workflow.call.completed'>['payload']['Details']>().toEqualTypeOf<CallDetail[]>()
    expectTypeOf<CallDetail['BorrowedAmount']>().toEqualTypeOf<string>()
    expectTypeOf<CallDetail['CaseID']>().toEqualTypeOf<string | undefined>()
  })

  it('narrows the union on `type`', () => {
    const event = {} as AirudderEvent
    if (event.type === 'workflow.call.completed') expectTypeOf(event.payload.TaskID).toEqualTypeOf<string>()
    if (event.type === 'pds.agent.status') expectTypeOf(event.payload.body.agentName).toEqualTypeOf<string>()
    if (event.type === 'unknown') expectTypeOf(event.reason).toEqualTypeOf<string>()
  })

  it('types other chatbot events loosely, by their own name', () => {
    expectTypeOf<
      EventOf<'chatbot.template.send_result'>['type']
    >().toEqualTypeOf<'chatbot.template.send_result'>()
    expectTypeOf<EventOf<'chatbot.template.send_result'>['payload']['event']>().toEqualTypeOf<string>()
    expectTypeOf<EventOf<'chatbot.channel.message.sent'>['payload']['call_id']>().toEqualTypeOf<string>()
  })

  it('rejects misspelt type names', () => {
    // @ts-expect-error not an event type
    type Misspelt = EventOf<'workflow.call.complete'>
    // @ts-expect-error wrong separator
    type WrongCase = EventOf<'pds.contact_status'>
    expectTypeOf<Misspelt | WrongCase>().not.toBeAny()
  })

  it('keeps enums open but autocompleted', () => {
    expectTypeOf<'finished'>().toExtend<CallDetail['Status']>()
    expectTypeOf<'canceled'>().toExtend<CallDetail['Status']>()
    expectTypeOf<'something-new'>().toExtend<CallDetail['Status']>()
  })

  it('narrows chatbot message content exactly, despite the open fallback', () => {
    const content = {} as MessageContent
    if (content.type === 'text') expectTypeOf(content.text).toEqualTypeOf<string>()
    if (content.type === 'location') expectTypeOf(content.location.latitude).toEqualTypeOf<number>()
    if (content.type === 'interactive' && content.interactive?.type === 'list') {
      expectTypeOf(content.interactive.action.button).toEqualTypeOf<string>()
    }
  })

  it('rejects misspelt verification targets', () => {
    expectTypeOf<{ 'pds.*': false }>().toExtend<VerifyRules>()
    expectTypeOf<{ 'chatbot.template.send_result': false }>().toExtend<VerifyRules>()
    // @ts-expect-error not a type or wildcard
    const rules: VerifyRules = { 'pds.contacts.status': false }
    expectTypeOf(rules).not.toBeAny()
  })
})

describe('user definitions get the same typing', () => {
  const collectionCall = defineEvent({
    type: 'collection.call.completed',
    matches: { CaseID: 'string' },
    schema: z.object({ CaseID: z.string(), Amount: z.number() }),
  })
  type Defs = [typeof collectionCall]

  it('adds a type to EventOf and to parse() results', () => {
    expectTypeOf<EventOf<'collection.call.completed', Defs>['payload']>().toEqualTypeOf<{
      CaseID: string
      Amount: number
    }>()
    const result = parse('{}', { registry: createRegistry([collectionCall]) })
    if (result.ok && result.event.type === 'collection.call.completed') {
      expectTypeOf(result.event.payload.Amount).toEqualTypeOf<number>()
    }
  })

  it('overrides a built-in payload type', () => {
    const override = defineEvent({
      type: 'workflow.call.completed',
      matches: {},
      schema: z.object({ TaskID: z.string() }),
    })
    expectTypeOf<EventOf<'workflow.call.completed', [typeof override]>['payload']>().toEqualTypeOf<{
      TaskID: string
    }>()
  })
})
