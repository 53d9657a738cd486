/**
 * @module
 * The app the Edge test bundles: core and the Next.js route handler. `airudderEdge(key)` returns
 * `deliver(url, body, headers)`, which builds the `Request` inside the runtime it runs in and
 * answers with JSON text, so nothing crosses realms but strings.
 */
import { summarizeEvent } from '@airudder-webhooks/core'
import { airudder, createWebhooks } from '@airudder-webhooks/next'

export function airudderEdge(key: string) {
  const webhooks = createWebhooks({ key, logger: false })
  const handled: unknown[] = []
  webhooks.on('workflow.call.completed', (event, { request }) => {
    handled.push({
      type: event.type,
      payload: event.payload,
      calls: event.payload.Details.map((call) => call.CallID),
      summary: summarizeEvent(event),
      userAgent: request.headers.get('user-agent'),
    })
  })
  const POST = airudder(webhooks)
  return async (url: string, body: string, headers: string): Promise<string> => {
    const response = await POST(new Request(url, { method: 'POST', headers: JSON.parse(headers), body }))
    return JSON.stringify({ status: response.status, body: await response.json(), handled })
  }
}
