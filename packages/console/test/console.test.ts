/**
 * The console as a Web handler: access, CSRF, the strict CSP, what each view shows and masks, and
 * requeue. The browser test (browser.test.ts) drives the same through Chromium.
 */
import { createMemoryReconcileStore } from '@airudder-webhooks/client'
import { describe, expect, it } from 'vitest'
import { createConsole } from '../src/index'
import { CALLEE, callBody, cookiesOf, csrfFrom, receiver, TOKEN } from './helpers'

const BASE = 'http://console.test/ops/inbox'
const bearer = { authorization: `Bearer ${TOKEN}` }

async function seeded() {
  const setup = receiver()
  setup.failing.add('call-dead')
  await setup.deliver(callBody('call-dead', 'task-1'))
  await setup.deliver(callBody('call-ok', 'task-1'))
  await setup.webhooks.processor?.drain()
  const inbox = setup.webhooks.inbox
  if (!inbox) throw new Error('no inbox')
  const [dead] = await inbox.list({ status: 'dead' })
  if (!dead) throw new Error('no dead entry')
  return { ...setup, inbox, dead }
}

/** A signed-in GET, then a POST of `fields` with that page's CSRF value and cookie. */
async function post(handler: (r: Request) => Promise<Response>, fields: Record<string, string>, query = '') {
  const page = await handler(new Request(`${BASE}${query}`, { headers: bearer }))
  const body = new URLSearchParams({ csrf: csrfFrom(await page.text()), ...fields })
  return handler(
    new Request(`${BASE}${query}`, {
      method: 'POST',
      body,
      headers: { ...bearer, cookie: cookiesOf(page), origin: 'http://console.test' },
    }),
  )
}

describe('createConsole', () => {
  it('refuses to start without authorize or token, and with a short token', () => {
    const { inbox } = receiver()
    expect(() => createConsole({ inbox })).toThrow(/refusing to serve the inbox to anyone: pass authorize/)
    expect(() => createConsole({ inbox, token: 'short' })).toThrow(/at least 16 characters/)
  })

  it('shows the unauthorised visitor a sign-in form and no data; a wrong token stays out', async () => {
    const { inbox, dead } = await seeded()
    const handler = createConsole({ inbox, token: TOKEN })
    const page = await handler(new Request(BASE))
    const text = await page.text()
    expect(page.status).toBe(401)
    expect(text).toContain('Sign in')
    expect(text).not.toContain(dead.id)
    const wrong = await handler(
      new Request(BASE, {
        method: 'POST',
        body: new URLSearchParams({ csrf: csrfFrom(text), action: 'sign-in', token: 'not-the-token-at-all' }),
        headers: { cookie: cookiesOf(page) },
      }),
    )
    expect(wrong.status).toBe(401)
    expect(await wrong.text()).toContain('not the console')
  })

  it('signs in with the token into an HttpOnly cookie that is not the token', async () => {
    const { inbox, dead } = await seeded()
    const handler = createConsole({ inbox, token: TOKEN })
    const form = await handler(new Request(BASE))
    const signIn = await handler(
      new Request(BASE, {
        method: 'POST',
        body: new URLSearchParams({ csrf: csrfFrom(await form.text()), action: 'sign-in', token: TOKEN }),
        headers: { cookie: cookiesOf(form) },
      }),
    )
    expect(signIn.status).toBe(303)
    const session = signIn.headers.getSetCookie()[0] ?? ''
    expect(session).toMatch(/^airudder_console_session=[0-9a-f]{64}; Path=\/; HttpOnly; SameSite=Strict/)
    expect(session).not.toContain(TOKEN)
    const page = await handler(
      new Request(BASE, { headers: { cookie: `${cookiesOf(form)}; ${cookiesOf(signIn)}` } }),
    )
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(dead.id)
  })

  it("refuses whoever the app's authorize() refuses", async () => {
    const { inbox } = await seeded()
    const handler = createConsole({ inbox, authorize: (request) => request.headers.get('x-role') === 'ops' })
    expect((await handler(new Request(BASE))).status).toBe(403)
    expect((await handler(new Request(BASE, { headers: { 'x-role': 'ops' } }))).status).toBe(200)
  })

  it('serves under a strict CSP: nothing external, inline code only by nonce', async () => {
    const { inbox } = await seeded()
    const page = await createConsole({ inbox, token: TOKEN })(new Request(BASE, { headers: bearer }))
    const csp = page.headers.get('content-security-policy') ?? ''
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1]
    expect(csp).toMatch(/^default-src 'none'; style-src 'nonce-[^']+'; script-src 'nonce-[^']+';/)
    expect(csp).toContain("frame-ancestors 'none'")
    const text = await page.text()
    expect(text).not.toMatch(/https?:\/\/|<link|@import|url\(/)
    expect(text.match(/<(style|script) nonce="([^"]+)"/g)).toEqual([
      `<style nonce="${nonce}"`,
      `<script nonce="${nonce}"`,
    ])
  })

  it('counts by status and type, and finds an event by CallID, TaskID or CaseID-like text', async () => {
    const { inbox, dead } = await seeded()
    const handler = createConsole({ inbox, token: TOKEN })
    const overview = await (await handler(new Request(BASE, { headers: bearer }))).text()
    expect(overview).toMatch(/status-dead">dead<\/span><strong>1<\/strong>/)
    expect(overview).toMatch(/status-done">done<\/span><strong>1<\/strong>/)
    expect(overview).toContain('Requeue 1 dead')
    const found = await (await handler(new Request(`${BASE}?q=call-dead`, { headers: bearer }))).text()
    expect(found).toContain(dead.id)
    expect(found).toContain('Events <span class="muted">(1)</span>')
    const none = await (await handler(new Request(`${BASE}?q=no-such-call`, { headers: bearer }))).text()
    expect(none).toContain('No event matches these filters')
    const byStatus = await (await handler(new Request(`${BASE}?status=done`, { headers: bearer }))).text()
    expect(byStatus).not.toContain(dead.id)
  })

  it('says the inbox is empty when it is', async () => {
    const { inbox } = receiver()
    const text = await (
      await createConsole({ inbox, token: TOKEN })(new Request(BASE, { headers: bearer }))
    ).text()
    expect(text).toContain('The inbox is empty')
  })

  it('shows one event with numbers and names masked until revealed', async () => {
    const { inbox, dead } = await seeded()
    const handler = createConsole({ inbox, token: TOKEN })
    const url = `${BASE}?view=event&id=${encodeURIComponent(dead.id)}`
    const masked = await (await handler(new Request(url, { headers: bearer }))).text()
    expect(masked).toContain('verified by md5Sign')
    expect(masked).toContain('CRM refused •••••• at ••••••')
    expect(masked).toContain('&quot;CalleeNumber&quot;: &quot;••••••&quot;')
    expect(masked).not.toMatch(/Siti|Rahayu|81234567890/)
    const revealed = await (await handler(new Request(`${url}&reveal=1`, { headers: bearer }))).text()
    expect(revealed).toContain(`CRM refused ${CALLEE.name} at ${CALLEE.number}`)
  })

  it('requeues one event by POST with CSRF, and refuses a POST without it', async () => {
    const { inbox, dead } = await seeded()
    const handler = createConsole({ inbox, token: TOKEN })
    const forged = await handler(
      new Request(BASE, {
        method: 'POST',
        body: new URLSearchParams({ action: 'requeue', id: dead.id }),
        headers: bearer,
      }),
    )
    expect(forged.status).toBe(403)
    expect((await inbox.get(dead.id))?.status).toBe('dead')

    const answer = await post(handler, { action: 'requeue', id: dead.id })
    expect(answer.status).toBe(303)
    expect(answer.headers.get('location')).toBe(
      `/ops/inbox?view=event&id=${encodeURIComponent(dead.id)}&notice=requeued`,
    )
    expect(await inbox.get(dead.id)).toMatchObject({ status: 'pending', attempts: 0 })
  })

  it('requeues every dead event of a type, and refuses a cross-site POST', async () => {
    const { inbox } = await seeded()
    const handler = createConsole({ inbox, token: TOKEN })
    const page = await handler(new Request(BASE, { headers: bearer }))
    const crossSite = await handler(
      new Request(BASE, {
        method: 'POST',
        body: new URLSearchParams({ csrf: csrfFrom(await page.text()), action: 'requeue-dead' }),
        headers: { ...bearer, cookie: cookiesOf(page), 'sec-fetch-site': 'cross-site' },
      }),
    )
    expect(crossSite.status).toBe(403)
    const answer = await post(handler, { action: 'requeue-dead', type: 'workflow.call.completed' })
    expect(answer.headers.get('location')).toBe(
      '/ops/inbox?notice=requeued-dead&count=1&type=workflow.call.completed',
    )
    expect(await inbox.list({ status: 'dead' })).toEqual([])
  })

  it('shows the reconciliation report per task when a reconcile store is given', async () => {
    const { inbox } = await seeded()
    const store = createMemoryReconcileStore()
    await store.track('task-1', { source: 'push', dueAt: new Date(0), seenAt: new Date(0) })
    const [lease] = await store.claim(1, 60_000)
    if (!lease) throw new Error('no lease')
    const report = {
      taskId: 'task-1',
      taskStatus: 'finished',
      pulledAt: new Date(),
      pulled: 3,
      pushed: 2,
      recovered: 1,
      missing: 0,
      handled: 3,
      recoveredCallIds: ['c3'],
      entryIds: [],
    }
    await store.settle(lease, report, null)
    const handler = createConsole({ inbox, token: TOKEN, reconcile: store })
    const text = await (await handler(new Request(`${BASE}?view=reconcile`, { headers: bearer }))).text()
    expect(text).toContain('Reconciliation <span class="muted">(1 tasks)</span>')
    expect(text).toMatch(
      /task-1<\/a><\/th><td>reconciled<\/td>\s*<td class="num">3<\/td><td class="num">2<\/td><td class="num">1<\/td>/,
    )
  })

  it('answers an inbox failure with an error page, not a stack trace', async () => {
    const { inbox } = receiver()
    const broken = { ...inbox, stats: () => Promise.reject(new Error('connection refused to 10.0.0.7')) }
    const page = await createConsole({ inbox: broken, token: TOKEN, logger: false })(
      new Request(BASE, { headers: bearer }),
    )
    expect(page.status).toBe(503)
    const text = await page.text()
    expect(text).toContain('The inbox did not answer')
    expect(text).not.toMatch(/10\.0\.0\.7|at .*\.ts/)
  })
})
