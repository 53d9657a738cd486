/**
 * Express 5: `/bare` reads the body, JSON.parses it and answers `{}`; `/handwritten` also checks
 * the signature and the schema by hand; `/kit` is the kit.
 */
import { airudder } from '@airudder-webhooks/express'
import express from 'express'
import { handwrittenStatus } from '../handwritten-route'
import { benchWebhooks } from '../kit'

const { webhooks } = benchWebhooks()
const app = express()
app.post('/kit', airudder(webhooks))
app.post('/bare', express.text({ type: 'application/json', limit: '1mb' }), (req, res) => {
  JSON.parse(req.body as string)
  res.json({})
})
app.post('/handwritten', express.text({ type: 'application/json', limit: '1mb' }), (req, res) => {
  res.status(handwrittenStatus(req.body as string, req.get('x-airudder-sign') ?? null)).json({})
})
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'))
