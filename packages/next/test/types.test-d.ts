import {
  createWebhooks as createCoreWebhooks,
  createMemoryInbox,
  type EventOf,
  type InboxContext,
} from '@airudder-webhooks/core'
import type { NextApiHandler } from 'next'
import { describe, expectTypeOf, it } from 'vitest'
import { airudder, createPagesHandler, createWebhooks, type NextContext } from '../src/index'

describe('next adapter types', () => {
  it('types every handler context as { request: Request }', () => {
    const webhooks = createWebhooks()
    webhooks.on('workflow.call.completed', (event, context) => {
      expectTypeOf(event).toEqualTypeOf<EventOf<'workflow.call.completed'>>()
      expectTypeOf(context).toEqualTypeOf<NextContext>()
      expectTypeOf(context.request).toEqualTypeOf<Request>()
    })
    webhooks.onAny((_event, { request }) => expectTypeOf(request).toEqualTypeOf<Request>())
  })

  it('gives the App Router a POST handler and the Pages Router an API handler', () => {
    const webhooks = createWebhooks()
    const POST = airudder(webhooks)
    expectTypeOf(POST).toEqualTypeOf<(request: Request) => Promise<Response>>()
    expectTypeOf(createPagesHandler(webhooks)).toExtend<NextApiHandler>()
    // core's receiver fits too; its handlers then get `unknown` as context
    expectTypeOf(airudder(createCoreWebhooks())).toBeFunction()
    expectTypeOf(createPagesHandler(createCoreWebhooks())).toBeFunction()
  })

  it('types the context as the inbox entry when handlers run from an inbox, and still mounts', () => {
    const webhooks = createWebhooks({ inbox: createMemoryInbox(), processing: { autoStart: false } })
    webhooks.on('workflow.call.completed', (_event, context) =>
      expectTypeOf(context).toEqualTypeOf<InboxContext>(),
    )
    expectTypeOf(airudder(webhooks)).toBeFunction()
    expectTypeOf(createPagesHandler(webhooks)).toBeFunction()
  })

  it("refuses a receiver whose handlers expect another framework's context", () => {
    const express = createCoreWebhooks<[], { req: { ip: string } }>()
    // @ts-expect-error its handlers expect { req }, not { request }
    airudder(express)
    // @ts-expect-error the same for the Pages Router
    createPagesHandler(express)
  })

  it('rejects misspelt event names', () => {
    const webhooks = createWebhooks()
    // @ts-expect-error not an event type
    webhooks.on('workflow.call.complete', () => undefined)
    // @ts-expect-error wrong separator
    webhooks.on(['pds.contact_status'], () => undefined)
  })

  it('rejects a handler that expects another context', () => {
    const webhooks = createWebhooks()
    // @ts-expect-error the context is { request }, not a bare Request
    webhooks.on('workflow.call.completed', (_event, request: Request) => request.url)
  })
})
