/**
 * A Hono app on Node receiving AIRudder webhooks: verified with the keys from the environment
 * (see `optionsFromEnv`), each event logged as one line. Copy it and replace the logging with
 * your own handlers; `app` runs unchanged on Bun, Deno or Workers with their own `serve`.
 */
import { optionsFromEnv, summarizeEvent } from '@airudder-webhooks/core'
import { airudderServerOptions } from '@airudder-webhooks/core/node'
import { airudder, createWebhooks } from '@airudder-webhooks/hono'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const { unconfigured, ...verification } = optionsFromEnv(process.env)
const webhooks = createWebhooks({ ...verification, logger: console })

if (unconfigured.length > 0) {
  // Refused (401) rather than accepted unchecked: say once how to turn them on.
  console.log(
    `not accepted until configured: ${unconfigured.join(', ')} ` +
      '(set AIRUDDER_HEADER_ALGORITHM for the X-AIRudder-Sign header, ' +
      'AIRUDDER_URL_TOKEN for unsigned pushes and unknown shapes)',
  )
}

webhooks.onAny((event) => console.log(summarizeEvent(event)))
// The code and the type only: a body can hold names and phone numbers.
webhooks.onError((error) => console.error(`webhook error ${error.code} (${error.event?.type ?? 'no event'})`))

const app = new Hono()
// No body-reading middleware before it: the signature is checked against the raw bytes.
app.post('/webhooks/airudder', airudder(webhooks))

const port = Number(process.env.PORT ?? 3000)
// HOST, as in the Express example; not HOSTNAME, which Docker sets to the container's name.
const hostname = process.env.HOST || '0.0.0.0'
// Timeouts suited to AIRudder: a client trickling its headers or body is dropped within seconds.
const server = serve({ fetch: app.fetch, port, hostname, serverOptions: airudderServerOptions }, (info) =>
  console.log(`listening on http://localhost:${info.port}`),
)

// Graceful shutdown: stop accepting, let requests in flight be answered, then let the receiver finish.
const shutdown = async (signal: string) => {
  console.log(`${signal}: shutting down`)
  await new Promise((resolve) => server.close(resolve))
  await webhooks.close({ timeoutMs: 8_000 })
  process.exit(0)
}
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)
