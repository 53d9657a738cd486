/**
 * Express 5: `/bare` reads the body, JSON.parses it and answers `{}`; `/handwritten` also checks
 * the signature and the schema by hand; `/kit` is the kit; `/octokit`, `/svix` and `/stripe` read
 * the body as `/bare` does and verify it with their library; `GET /cpu` is the process's CPU time.
 */
import { airudder } from '@airudder-webhooks/express'
import express from 'express'
import { handwrittenStatus } from '../handwritten-route'
import { benchWebhooks } from '../kit'
import { PEER_ROUTES } from '../peer-routes'
import { cpuMicros } from './cpu'

const { webhooks } = benchWebhooks()
const app = express()
const text = express.text({ type: 'application/json', limit: '1mb' })
app.post('/kit', airudder(webhooks))
app.post('/bare', text, (req, res) => {
  JSON.parse(req.body as string)
  res.json({})
})
app.post('/handwritten', text, (req, res) => {
  res.status(handwrittenStatus(req.body as string, req.get('x-airudder-sign') ?? null)).json({})
})
for (const [name, status] of Object.entries(PEER_ROUTES))
  app.post(`/${name}`, text, async (req, res) => {
    res.status(await status(req.body as string, (header) => req.get(header))).json({})
  })
app.get('/cpu', (_req, res) => {
  res.json(cpuMicros())
})
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'))
