/**
 * An Express app receiving AIRudder webhooks: verified with the keys from the environment
 * (see `optionsFromEnv`), each event logged as one line. Copy it and replace the logging with
 * your own handlers.
 */
import { optionsFromEnv, summarizeEvent } from '@airudder-webhooks/core'
import { airudder, createWebhooks } from '@airudder-webhooks/express'
import express from 'express'

const { unconfigured, ...verification } = optionsFromEnv(process.env)
const webhooks = createWebhooks({ ...verification, logger: console })

if (unconfigured.length > 0) {
  // Refused (401) rather than accepted unchecked: say once how to turn them on.
  console.log(
    `not accepted until configured: ${unconfigured.join(', ')} (set AIRUDDER_HEADER_ALGORITHM ` +
      'for the X-AIRudder-Sign header, AIRUDDER_URL_TOKEN for unsigned pushes and unknown shapes)',
  )
}

webhooks.onAny((event) => console.log(summarizeEvent(event)))
// The code and the type only: a body can hold names and phone numbers.
webhooks.onError((error) => console.error(`webhook error ${error.code} (${error.event?.type ?? 'no event'})`))

const app = express()
// Mounted before any body parser, so the signature is checked against the raw bytes.
app.post('/webhooks/airudder', airudder(webhooks))
app.use(express.json()) // your other routes can parse JSON: it runs after the webhook route

const port = Number(process.env.PORT ?? 3000)
app.listen(port, process.env.HOST ?? '0.0.0.0', (error?: Error) => {
  if (error) throw error // e.g. EADDRINUSE: Express 5 reports it here
  console.log(`listening on http://localhost:${port}`)
})
