/** The same handler mounted in Hono and as a Next.js App Router route, under a path of the app's choosing. */
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createConsole } from '../src/index'
import { callBody, receiver, TOKEN } from './helpers'

describe('mounting', () => {
  it('serves under a Hono route, links relative to it', async () => {
    const { inbox, deliver } = receiver()
    await deliver(callBody('call-hono'))
    const inboxConsole = createConsole({ inbox, token: TOKEN })
    const app = new Hono()
    app.all('/admin/airudder', (c) => inboxConsole(c.req.raw))
    const response = await app.request('/admin/airudder?q=call-hono', {
      headers: { authorization: `Bearer ${TOKEN}` },
    })
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).toContain('href="?view=event&amp;id=workflow.call.completed%3Atask-call-hono%2Fcall-hono"')
    expect((await app.request('/admin/airudder')).status).toBe(401)
  })

  it('is a Next.js App Router route handler as it is (GET and POST)', async () => {
    const { inbox } = receiver()
    const GET = createConsole({ inbox, authorize: () => true })
    const POST = GET
    expect((await GET(new Request('http://app.test/ops/inbox'))).status).toBe(200)
    expect((await POST(new Request('http://app.test/ops/inbox', { method: 'POST', body: '' }))).status).toBe(
      403,
    )
  })
})
