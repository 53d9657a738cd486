/**
 * @module
 * Sends deliveries over loopback with bounded concurrency and keep-alive, the way AIRudder's
 * dispatcher would: a delivery counts as acknowledged only when it was answered `200`.
 */
import { Agent, request } from 'node:http'
import { WEBHOOK_PATH } from '../deliveries'
import { HEADERS } from './numbered'

export type SendResult = { readonly status: number } | { readonly error: string }

export function createSender(maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets })
  const post = (url: string, body: string): Promise<SendResult> =>
    new Promise((resolve) => {
      const req = request(
        `${url}${WEBHOOK_PATH}`,
        { method: 'POST', agent, headers: { ...HEADERS, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume()
          res.once('end', () => resolve({ status: res.statusCode ?? 0 }))
          res.once('error', (error) => resolve({ error: error.message }))
        },
      )
      req.setTimeout(10_000, () => req.destroy(new Error('timed out after 10 s')))
      req.once('error', (error) => resolve({ error: error.message }))
      req.end(body)
    })
  return { post, close: () => agent.destroy() }
}

/** Runs `work` over `items` with at most `concurrency` in flight. */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T
      await work(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
}
