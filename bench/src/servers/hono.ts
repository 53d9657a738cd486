/**
 * Hono on @hono/node-server: `/bare` reads the body, JSON.parses it and answers `{}`;
 * `/handwritten` also checks the signature and the schema by hand; `/kit` is the kit.
 */

import { airudder } from '@airudder-webhooks/hono'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { handwrittenStatus } from '../handwritten-route'
import { benchWebhooks } from '../kit'

const { webhooks } = benchWebhooks()
const app = new Hono()
app.post('/kit', airudder(webhooks))
app.post('/bare', async (c) => {
  JSON.parse(await c.req.text())
  return c.json({})
})
app.post('/handwritten', async (c) =>
  c.json({}, handwrittenStatus(await c.req.text(), c.req.header('x-airudder-sign') ?? null)),
)
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('ready'))
