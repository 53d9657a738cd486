/**
 * The console in a real browser: Debian's Chromium driven by playwright-core, against a real
 * Express server with a SQLite inbox. An operator finds a dead event by its CallID, opens it,
 * requeues it and sees it done; a visitor without the token sees nothing. Screenshots of the main
 * views go to .ci/out/console/ (CI artefacts).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createMemoryReconcileStore } from '@airudder-webhooks/client'
import { createNodeFetchHandler, createNodeHandler } from '@airudder-webhooks/core/node'
import { createSqliteInbox } from '@airudder-webhooks/sqlite'
import express from 'express'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConsole } from '../src/index'
import { CALLEE, callBody, receiver, TOKEN } from './helpers'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const SHOTS = fileURLToPath(new URL('../../../.ci/out/console/', import.meta.url))
const DEAD_CALL = 'cad907aa11bb22cc35644a'

let server: Server
let browser: Browser
let base: string
let dir: string
let setup: ReturnType<typeof receiver>

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'airudder-console-'))
  mkdirSync(SHOTS, { recursive: true })
  setup = receiver(createSqliteInbox({ path: join(dir, 'inbox.db') }), true)
  setup.failing.add(DEAD_CALL)
  const reconcile = createMemoryReconcileStore()
  await reconcile.track('task-a', { source: 'push', dueAt: new Date(0), seenAt: new Date() })
  const [lease] = await reconcile.claim(1, 60_000)
  if (lease) {
    await reconcile.settle(
      lease,
      {
        taskId: 'task-a',
        taskStatus: 'finished',
        pulledAt: new Date(),
        pulled: 3,
        pushed: 2,
        recovered: 1,
        missing: 0,
        handled: 3,
        recoveredCallIds: ['c3'],
        entryIds: [],
      },
      null,
    )
  }
  await reconcile.track('task-b', {
    source: 'push',
    dueAt: new Date(Date.now() + 600_000),
    seenAt: new Date(),
  })

  const inbox = setup.webhooks.inbox
  if (!inbox) throw new Error('no inbox')
  const app = express()
  app.post('/airudder', createNodeHandler(setup.webhooks))
  app.use('/ops/inbox', createNodeFetchHandler(createConsole({ inbox, token: TOKEN, reconcile })))
  server = await new Promise<Server>((resolve) => {
    const started = app.listen(0, '127.0.0.1', () => resolve(started))
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  // What AIRudder would push: five calls of two tasks; one call's handler fails until fixed.
  for (const [callId, task] of [
    ['call-0001', 'task-a'],
    ['call-0002', 'task-a'],
    [DEAD_CALL, 'task-b'],
    ['call-0004', 'task-b'],
    ['call-0005', 'task-b'],
  ] as const) {
    const response = await fetch(`${base}/airudder`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: callBody(callId, task),
    })
    expect(response.status).toBe(200)
  }
  await setup.webhooks.processor?.drain()
  expect((await inbox.list({ status: 'dead' })).length).toBe(1)

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
})

afterAll(async () => {
  await browser?.close()
  await setup?.webhooks.processor?.stop()
  await setup?.webhooks.inbox?.close?.()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Blocks every request that leaves the server: the page must work offline. */
async function offlinePage(
  options: Parameters<Browser['newPage']>[0] = {},
): Promise<{ page: Page; external: string[]; errors: string[] }> {
  const page = await browser.newPage(options)
  const external: string[] = []
  await page.route('**/*', (route) => {
    if (route.request().url().startsWith(base)) return route.continue()
    external.push(route.request().url())
    return route.abort()
  })
  // A CSP violation (a style or script the policy blocked) is reported on the console as an error.
  const errors: string[] = []
  page.on('console', (message) => {
    // (The sign-in page's own 401 is reported too; it is expected.)
    if (message.type() === 'error' && !message.text().includes('status of 401')) errors.push(message.text())
  })
  return { page, external, errors }
}

async function signIn(page: Page) {
  await page.goto(`${base}/ops/inbox`)
  await page.getByLabel('Console token').fill(TOKEN)
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { name: 'By event type' }).waitFor()
}

describe('the inbox console in Chromium', () => {
  it('refuses the visitor without the token: a sign-in form and no data', async () => {
    const { page } = await offlinePage()
    const response = await page.goto(`${base}/ops/inbox?q=${DEAD_CALL}`)
    expect(response?.status()).toBe(401)
    expect(await page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true)
    expect(await page.content()).not.toContain(DEAD_CALL)
    await page.screenshot({ path: join(SHOTS, 'sign-in.png') })
    await page.close()
  })

  it('finds a dead event by CallID, opens it, requeues it and sees it done', async () => {
    const { page, external, errors } = await offlinePage({ viewport: { width: 1200, height: 900 } })
    await signIn(page)
    await page.screenshot({ path: join(SHOTS, 'overview.png'), fullPage: true })

    // Search by keyboard: the search box, type, Enter.
    await page.getByLabel('Search TaskID, CallID, CaseID, callid').fill(DEAD_CALL)
    await page.getByLabel('Search TaskID, CallID, CaseID, callid').press('Enter')
    const rows = page.locator('section[aria-labelledby=events] tbody tr')
    await page.getByRole('heading', { name: 'Events (1)' }).waitFor()
    expect(await rows.count()).toBe(1)
    expect(await rows.first().locator('.status').textContent()).toBe('dead')
    await page.screenshot({ path: join(SHOTS, 'search.png'), fullPage: true })

    await rows.first().getByRole('link').click()
    await page.getByRole('heading', { name: 'Payload' }).waitFor()
    const details = page.locator('dl')
    expect(await details.locator('dt:has-text("Status") + dd').textContent()).toBe('dead')
    expect(await details.locator('dt:has-text("Last error") + dd').textContent()).toBe(
      'CRM refused •••••• at ••••••',
    )
    expect(await page.content()).not.toContain(CALLEE.number)
    await page.screenshot({ path: join(SHOTS, 'event.png'), fullPage: true })

    setup.failing.delete(DEAD_CALL) // the operator fixed the CRM
    await page.getByRole('button', { name: 'Requeue' }).click()
    await page.getByRole('status').filter({ hasText: 'Requeued' }).waitFor()
    let status = await details.locator('dt:has-text("Status") + dd').textContent()
    for (let reloads = 0; status !== 'done' && reloads < 200; reloads++) {
      await page.getByRole('link', { name: 'Refresh' }).click()
      await page.getByRole('heading', { name: 'Payload' }).waitFor()
      status = await details.locator('dt:has-text("Status") + dd').textContent()
    }
    expect(status).toBe('done')
    expect(await details.locator('dt:has-text("Last error") + dd').textContent()).toBe('none')

    await page.getByRole('link', { name: 'Reveal personal data' }).click()
    expect(await page.locator('pre').textContent()).toContain(CALLEE.number)
    expect(external).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows the reconciliation report, and fits a phone screen', async () => {
    const { page } = await offlinePage({ viewport: { width: 390, height: 844 }, isMobile: true })
    await signIn(page)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(390)
    await page.screenshot({ path: join(SHOTS, 'phone.png'), fullPage: true })
    await page.getByRole('link', { name: 'Reconciliation' }).click()
    const row = page.locator('tbody tr', { hasText: 'task-a' })
    expect(await row.locator('td.num').allTextContents()).toEqual(['3', '2', '1', '0', '3'])
    await page.screenshot({ path: join(SHOTS, 'reconcile.png'), fullPage: true })
    await page.close()
  })
})
