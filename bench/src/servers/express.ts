/** Express 5: `/bare` reads the body, JSON.parses it and answers `{}`; `/kit` is the kit. */
import { airudder } from '@airudder-webhooks/express'
import express from 'express'
import { benchWebhooks } from '../kit'

const { webhooks } = benchWebhooks()
const app = express()
app.post('/kit', airudder(webhooks))
app.post('/bare', express.text({ type: 'application/json', limit: '1mb' }), (req, res) => {
  JSON.parse(req.body as string)
  res.json({})
})
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'))
