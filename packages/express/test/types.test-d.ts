import { defineEvent, type EventOf } from '@airudder-webhooks/core'
import { type CallDetail, CallDetailSchema } from '@airudder-webhooks/core/schemas'
import type { Request, RequestHandler, Response } from 'express'
import { describe, expectTypeOf, it } from 'vitest'
import { airudder, airudderRouter, createWebhooks, type ExpressContext } from '../src/index'

describe('handler typing with no generic written', () => {
  const webhooks = createWebhooks({ key: 'airudder' })

  it('narrows the event and types the Express context', () => {
    webhooks.on('workflow.call.completed', (event, { req, res }) => {
      expectTypeOf(event).toEqualTypeOf<EventOf<'workflow.call.completed'>>()
      expectTypeOf(event.payload.TaskID).toEqualTypeOf<string>()
      expectTypeOf(req).toEqualTypeOf<Request>()
      expectTypeOf(res).toEqualTypeOf<Response>()
      expectTypeOf(req.get('user-agent')).toEqualTypeOf<string | undefined>()
    })
    webhooks.onAny((_event, context) => expectTypeOf(context).toEqualTypeOf<ExpressContext>())
  })

  it('rejects misspelt event names and context properties', () => {
    // @ts-expect-error not an event type
    webhooks.on('workflow.call.complete', () => {})
    // @ts-expect-error the context holds req and res only
    webhooks.on('workflow.call.completed', (_event, { request }) => request)
  })

  it('types the user definitions too', () => {
    // One call detail pushed on its own, as a user might define it (the schema is core's, so no zod here).
    const collection = defineEvent({
      type: 'collection.call.completed',
      matches: { CaseID: 'string', CallID: 'string' },
      schema: CallDetailSchema,
    })
    const custom = createWebhooks({ events: [collection] })
    custom.on('collection.call.completed', (event, { req }) => {
      expectTypeOf(event.payload).toEqualTypeOf<CallDetail>()
      expectTypeOf(req).toEqualTypeOf<Request>()
    })
  })

  it('gives Express request handlers', () => {
    expectTypeOf(airudder(webhooks)).toEqualTypeOf<RequestHandler>()
    expectTypeOf(airudderRouter(webhooks, { path: '/hooks' })).toEqualTypeOf<RequestHandler>()
    // @ts-expect-error unknown option
    airudderRouter(webhooks, { route: '/hooks' })
  })
})
