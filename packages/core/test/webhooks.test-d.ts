import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import type { TransactionalInbox } from '../src/inbox'
import {
  createMemoryInbox,
  createWebhooks,
  defineEvent,
  type EventOf,
  type Inbox,
  type InboxContext,
} from '../src/index'
import { createNodeHandler } from '../src/node'
import type { DriftKind, WebhookEvent } from '../src/schemas'

describe('webhooks.on() typing', () => {
  const webhooks = createWebhooks<[], { requestId: string }>()

  it('narrows the payload from the type name alone', () => {
    webhooks.on('workflow.call.completed', (event, context) => {
      expectTypeOf(event.payload.Details[0]?.CallID).toEqualTypeOf<string | undefined>()
      expectTypeOf(context.requestId).toEqualTypeOf<string>()
    })
    webhooks.on('pds.contact.status', (event) =>
      expectTypeOf(event.payload.body.hangupReason).toEqualTypeOf<number | undefined>(),
    )
  })

  it('narrows wildcards and lists to the union of their members', () => {
    webhooks.on('pds.*', (event) => {
      expectTypeOf(event.type).toEqualTypeOf<'pds.contact.status' | 'pds.task.status' | 'pds.agent.status'>()
    })
    webhooks.on(['qa.recording.reported', 'workflow.call.completed'], (event) => {
      expectTypeOf(event.payload.TaskID).toEqualTypeOf<string>()
    })
    webhooks.on('chatbot.template.send_result', (event) =>
      expectTypeOf(event.payload.company).toEqualTypeOf<string>(),
    )
  })

  it('rejects misspelt names and wildcards', () => {
    // @ts-expect-error misspelt event type
    webhooks.on('workflow.call.complete', () => undefined)
    // @ts-expect-error no such prefix
    webhooks.on('pdss.*', () => undefined)
    // @ts-expect-error misspelt inside a list
    webhooks.on(['pds.task.status', 'pds.tasks.status'], () => undefined)
    // @ts-expect-error misspelt verification target
    createWebhooks({ verify: { 'workflow.call.complete': false } })
  })

  it('types user-defined events through createWebhooks({ events })', () => {
    const collection = defineEvent({
      type: 'collection.call.completed',
      matches: { CaseID: 'string' },
      schema: z.object({ CaseID: z.string(), Amount: z.number() }),
    })
    const custom = createWebhooks({ events: [collection], verify: { 'collection.*': false } })
    custom.on('collection.call.completed', (event) => {
      expectTypeOf(event).toEqualTypeOf<EventOf<'collection.call.completed', [typeof collection]>>()
      expectTypeOf(event.payload.Amount).toEqualTypeOf<number>()
    })
    expectTypeOf<EventOf<'collection.call.completed', [typeof collection]>>().toExtend<
      WebhookEvent<string, unknown>
    >()
  })

  it("types the context as the inbox entry when handlers run from an inbox, with the inbox's transaction", () => {
    const fromInbox = createWebhooks({ inbox: createMemoryInbox() })
    fromInbox.on('workflow.call.completed', (_event, context) => {
      expectTypeOf(context).toEqualTypeOf<InboxContext>()
      expectTypeOf(context.entry.attempts).toEqualTypeOf<number>()
      expectTypeOf(context.tx).toEqualTypeOf<undefined>()
    })
    interface Sql {
      query(text: string): Promise<void>
    }
    const transactional = {} as TransactionalInbox<Sql>
    createWebhooks({ inbox: transactional }).on('pds.*', (_event, { tx }) => {
      expectTypeOf(tx).toEqualTypeOf<Sql>()
    })
    const direct = createWebhooks<[], { requestId: string }>()
    direct.on('workflow.call.completed', (_event, context) =>
      expectTypeOf(context.requestId).toEqualTypeOf<string>(),
    )
    const withInbox = createWebhooks<[], { requestId: string }, Inbox>({ inbox: transactional })
    // @ts-expect-error an inbox receiver's handlers get the entry, not the framework's context
    withInbox.on('*', (_event, context: { requestId: string }) => context)
  })
})

describe('bridges accept every receiver', () => {
  it('mounts an inbox receiver (handlers get the entry, not the request) on the Node bridge', () => {
    const fromInbox = createWebhooks({ inbox: createMemoryInbox() })
    expectTypeOf(
      createNodeHandler<{ tag: string }>(fromInbox, { context: () => ({ tag: 'x' }) }),
    ).toBeFunction()
  })
})

describe('webhooks.onDrift() typing', () => {
  it('hands listeners the type, the id and each drifted field with its kind', () => {
    createWebhooks().onDrift((report) => {
      expectTypeOf(report.type).toEqualTypeOf<string>()
      expectTypeOf(report.fields[0]?.kind).toEqualTypeOf<DriftKind | undefined>()
      // @ts-expect-error not a drift kind
      report.fields[0]?.kind === 'renamed'
    })
  })
})
