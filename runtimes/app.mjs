/**
 * The receivers every runtime serves, in plain JavaScript over the packages' builds: core's
 * `handle()` on `/webhooks/airudder` and the Hono adapter on `/hono/webhooks/airudder`, each with
 * every kind of check (md5 `Sign`, the `X-AIRudder-Sign` header, a URL token), plus `GET /seen`
 * listing the events the handlers ran for, so the smoke can tell "answered 200" from "handled".
 */
import { Hono } from 'hono'
import { createWebhooks, headerSign, urlToken } from '../packages/core/dist/index.js'
import { airudder, createWebhooks as createHonoWebhooks } from '../packages/hono/dist/index.js'

/** One secret for every check: the smoke signs each type with its own scheme and this key. */
export const SECRET = 'runtime-secret'

function options() {
  const header = headerSign({ algorithm: 'hmac-sha256-hex', keys: SECRET })
  return {
    key: SECRET,
    logger: false,
    verify: {
      'workflow.chatbot.session_ended': header,
      'chatbot.*': header,
      '*': urlToken({ tokens: SECRET }),
    },
  }
}

export function createApp(runtime) {
  const seen = []
  const webhooks = createWebhooks(options())
  webhooks.onAny((event) => {
    seen.push(event.type)
  })
  const hono = new Hono()
  const honoWebhooks = createHonoWebhooks(options())
  honoWebhooks.onAny((event, c) => {
    seen.push(`hono ${event.type} ${c.req.path}`)
  })
  hono.post('/hono/webhooks/airudder', airudder(honoWebhooks))

  const report = () => ({ runtime, seen })
  const fetch = async (request) => {
    const { pathname } = new URL(request.url)
    if (pathname === '/seen') return Response.json(report())
    if (pathname.startsWith('/hono/')) return hono.fetch(request)
    return webhooks.handle(request)
  }
  return { webhooks, report, fetch }
}
