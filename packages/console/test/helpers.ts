/** Inboxes with known entries, and requests to the console as a browser would send them. */
import { createMemoryInbox, createWebhooks, type Inbox } from '@airudder-webhooks/core'
import { buildEvent, signDelivery } from '@airudder-webhooks/core/testing'

export const KEY = 'console-test-key'
export const TOKEN = 'a-console-token-of-32-characters'
export const CALLEE = { name: 'Siti Rahayu', number: '+6281234567890' }

/** A signed call-completion body with one call. */
export function callBody(callId: string, taskId = `task-${callId}`): string {
  const payload = buildEvent('workflow.call.completed', {
    TaskID: taskId,
    Details: [{ CallID: callId, CalleeName: CALLEE.name, CalleeNumber: CALLEE.number }],
  })
  return signDelivery(payload, { key: KEY }).body
}

/**
 * A receiver with an inbox whose handler fails (naming the callee, as careless handlers do) for
 * CallIDs in `failing`; one attempt, then dead.
 */
export function receiver(inbox: Inbox = createMemoryInbox(), autoStart = false) {
  const failing = new Set<string>()
  const webhooks = createWebhooks({
    key: KEY,
    logger: false,
    inbox,
    processing: { autoStart, maxAttempts: 1, pollMs: 20 },
  })
  webhooks.on('workflow.call.completed', (event) => {
    for (const call of event.payload.Details) {
      if (failing.has(call.CallID)) throw new Error(`CRM refused ${call.CalleeName} at ${call.CalleeNumber}`)
    }
  })
  const deliver = async (body: string) => {
    const response = await webhooks.handle(
      new Request('http://localhost/hook', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      }),
    )
    if (response.status !== 200) throw new Error(`delivery answered ${response.status}`)
  }
  return { webhooks, inbox, failing, deliver }
}

/** Cookies a response sets, as one `Cookie` header value. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
}

export function csrfFrom(page: string): string {
  const match = page.match(/name="csrf" value="([0-9a-f]{32})"/)
  if (!match?.[1]) throw new Error('no CSRF field on the page')
  return match[1]
}
