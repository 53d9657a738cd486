import {
  createWebhooks as createCoreWebhooks,
  createMemoryInbox,
  type EventOf,
  type InboxContext,
} from '@airudder-webhooks/core'
import { type Context, Hono } from 'hono'
import type { BlankEnv } from 'hono/types'
import { describe, expectTypeOf, it } from 'vitest'
import { airudder, createWebhooks } from '../src/index'

describe('hono adapter types', () => {
  it("types every handler's context as Hono's Context", () => {
    const webhooks = createWebhooks()
    webhooks.on('workflow.call.completed', (event, c) => {
      expectTypeOf(event).toEqualTypeOf<EventOf<'workflow.call.completed'>>()
      expectTypeOf(c).toEqualTypeOf<Context<BlankEnv>>()
      expectTypeOf(c.req.header('user-agent')).toEqualTypeOf<string | undefined>()
    })
    webhooks.onAny((_event, c) => expectTypeOf(c).toEqualTypeOf<Context<BlankEnv>>())
  })

  it("carries the app's Env into the context", () => {
    type AppEnv = { Bindings: { DB_URL: string }; Variables: { requestId: string } }
    const webhooks = createWebhooks<[], AppEnv>()
    webhooks.on('pds.*', (event, c) => {
      expectTypeOf(event.type).toEqualTypeOf<'pds.contact.status' | 'pds.task.status' | 'pds.agent.status'>()
      expectTypeOf(c.env.DB_URL).toEqualTypeOf<string>()
      expectTypeOf(c.var.requestId).toEqualTypeOf<string>()
    })
    const app = new Hono<AppEnv>()
    app.post('/webhooks/airudder', airudder(webhooks, { ip: (c) => c.req.header('x-real-ip') }))
  })

  it("mounts any createWebhooks() result, core's included", () => {
    const app = new Hono()
    app.post('/webhooks/airudder', airudder(createCoreWebhooks()))
    expectTypeOf(airudder(createWebhooks())).toEqualTypeOf<(c: Context<BlankEnv>) => Promise<Response>>()
  })

  it('types the context as the inbox entry when handlers run from an inbox, and still mounts', () => {
    const webhooks = createWebhooks({ inbox: createMemoryInbox(), processing: { autoStart: false } })
    webhooks.on('workflow.call.completed', (_event, context) =>
      expectTypeOf(context).toEqualTypeOf<InboxContext>(),
    )
    new Hono().post('/webhooks/airudder', airudder(webhooks))
  })

  it("refuses a receiver whose handlers expect another framework's context", () => {
    const express = createCoreWebhooks<[], { req: { ip: string } }>()
    // @ts-expect-error its handlers expect { req }, not Hono's Context
    airudder(express)
  })

  it('rejects misspelt event names', () => {
    const webhooks = createWebhooks()
    // @ts-expect-error not an event type
    webhooks.on('workflow.call.complete', () => undefined)
    // @ts-expect-error wrong separator
    webhooks.on('pds.contact_status', () => undefined)
  })

  it('rejects a handler that expects something else as its context', () => {
    const webhooks = createWebhooks()
    // @ts-expect-error the context is Hono's Context, not a Request
    webhooks.on('workflow.call.completed', (_event, request: Request) => request.url)
  })
})
