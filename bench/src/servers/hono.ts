/** Hono on @hono/node-server: `/bare` reads the body, JSON.parses it and answers `{}`; `/kit` is the kit. */

import { airudder } from '@airudder-webhooks/hono'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { benchWebhooks } from '../kit'

const { webhooks } = benchWebhooks()
const app = new Hono()
app.post('/kit', airudder(webhooks))
app.post('/bare', async (c) => {
  JSON.parse(await c.req.text())
  return c.json({})
})
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('ready'))
