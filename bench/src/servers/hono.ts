/**
 * Hono on @hono/node-server: `/bare` reads the body, JSON.parses it and answers `{}`;
 * `/handwritten` also checks the signature and the schema by hand; `/kit` is the kit; `/octokit`,
 * `/svix` and `/stripe` read the body as `/bare` does and verify it with their library; `GET /cpu` is the process's CPU time.
 */

import { airudder } from '@airudder-webhooks/hono'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { handwrittenStatus } from '../handwritten-route'
import { benchWebhooks } from '../kit'
import { PEER_ROUTES } from '../peer-routes'
import { cpuMicros } from './cpu'

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
for (const [name, status] of Object.entries(PEER_ROUTES))
  app.post(`/${name}`, async (c) =>
    c.json({}, await status(await c.req.text(), (header) => c.req.header(header))),
  )
app.get('/cpu', (c) => c.json(cpuMicros()))
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('ready'))
