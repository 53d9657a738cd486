import { createWebhooks, type WebhooksOptions } from '../../src/index'
import { buildEvent, signDelivery } from '../../src/testing/index'

export const KEY = 'test-key'

/** The published call-completion example, signed with KEY (or another key). */
export function signedCall(options: { key?: string; callId?: string } = {}): string {
  const payload = buildEvent(
    'workflow.call.completed',
    options.callId ? { Details: [{ CallID: options.callId }] } : {},
  )
  return signDelivery(payload, { key: options.key ?? KEY }).body
}

export function post(
  body: BodyInit | null,
  headers: Record<string, string> = {},
  url = 'http://localhost/hook',
) {
  return new Request(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

export async function answer(response: Response) {
  return { status: response.status, body: await response.json() }
}

export function quietWebhooks(options: WebhooksOptions = {}) {
  return createWebhooks({ key: KEY, logger: false, ...options })
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
