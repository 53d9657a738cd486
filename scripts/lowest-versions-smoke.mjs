/**
 * Run by `lowest-versions.mjs` inside its scratch project: each framework at its lowest allowed
 * version serves the kit over real HTTP. Checks the installed versions first, so a resolver that
 * picked a newer one cannot pass unnoticed.
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createWebhooks as createCore } from '@airudder-webhooks/core'
import { buildEvent, signDelivery } from '@airudder-webhooks/core/testing'
import { createWebhooks as createExpress, airudder as expressAirudder } from '@airudder-webhooks/express'
import { createWebhooks as createHono, airudder as honoAirudder } from '@airudder-webhooks/hono'
import express4 from 'express'
import express5 from 'express5'
import { Hono } from 'hono'

const KEY = 'lowest-key'
const results = []
const check = (name, ok, detail = '') => {
  results.push(ok)
  console.log(`${ok ? '✓' : '✗'} ${name}${ok ? '' : `: ${detail}`}`)
}
const installed = (name) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version
const wanted = JSON.parse(readFileSync('package.json', 'utf8')).dependencies
for (const name of ['zod', '@noble/hashes', 'express', 'express5', 'hono']) {
  const want = wanted[name].replace(/^npm:express@/, '')
  check(`${name} is the lowest allowed, ${want}`, installed(name) === want, `installed ${installed(name)}`)
}

const good = signDelivery(buildEvent('workflow.call.completed', { Details: [{ CallID: 'lowest-1' }] }), {
  key: KEY,
})
const forged = signDelivery(buildEvent('workflow.call.completed', { Details: [{ CallID: 'lowest-2' }] }), {
  key: 'another-key',
})

async function deliver(name, post, handled) {
  const ok = await post(good)
  check(
    `${name}: a signed delivery is handled (200 {})`,
    ok.status === 200 && ok.body === '{}' && handled.length === 1,
    JSON.stringify(ok),
  )
  const refused = await post(forged)
  check(
    `${name}: a forged one is refused (401)`,
    refused.status === 401 && handled.length === 1,
    JSON.stringify(refused),
  )
}

function listen(handler) {
  return new Promise((resolve) => {
    const server = createServer(handler).listen(0, '127.0.0.1', () => resolve(server))
  })
}
const over = (server) => async (delivery) => {
  const response = await fetch(`http://127.0.0.1:${server.address().port}/webhooks/airudder`, {
    method: 'POST',
    headers: delivery.headers,
    body: delivery.body,
  })
  return { status: response.status, body: await response.text() }
}

for (const [name, express] of [
  [`express ${installed('express')}`, express4],
  [`express ${installed('express5')}`, express5],
]) {
  const handled = []
  const webhooks = createExpress({ key: KEY, logger: false })
  webhooks.on('workflow.call.completed', (event) => void handled.push(event.id))
  const app = express()
  app.post('/webhooks/airudder', expressAirudder(webhooks))
  const server = await listen(app)
  await deliver(name, over(server), handled)
  server.close()
}

{
  const handled = []
  const webhooks = createHono({ key: KEY, logger: false })
  webhooks.on('workflow.call.completed', (event) => void handled.push(event.id))
  const app = new Hono()
  app.post('/webhooks/airudder', honoAirudder(webhooks))
  // Hono is fetch-native: a Node server hands it Web Requests, as @hono/node-server would.
  const server = await listen(async (req, res) => {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers: req.headers,
      body: Buffer.concat(chunks),
    })
    const response = await app.fetch(request)
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text())
  })
  await deliver(`hono ${installed('hono')}`, over(server), handled)
  server.close()
}

{
  const handled = []
  const webhooks = createCore({ key: KEY, logger: false })
  webhooks.on('workflow.call.completed', (event) => void handled.push(event.id))
  await deliver(
    `core with zod ${installed('zod')}`,
    async (delivery) => {
      const response = await webhooks.handle(
        new Request('http://localhost/webhooks/airudder', {
          method: 'POST',
          headers: delivery.headers,
          body: delivery.body,
        }),
      )
      return { status: response.status, body: await response.text() }
    },
    handled,
  )
}

const passed = results.filter(Boolean).length
console.log(`${passed} passed, ${results.length - passed} failed`)
process.exitCode = passed === results.length ? 0 : 1
