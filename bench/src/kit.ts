/**
 * @module
 * The receiver every benchmark mounts: the kit as a user would configure it, with a duplicate
 * store that never reports a duplicate (each benchmark delivery is treated as new, so the full
 * pipeline runs every time) and one handler per event.
 */
import { createWebhooks, headerSign, type IdempotencyStore } from '@airudder-webhooks/core'

/** Keys of the benchmark deliveries (kept here: the Next route must not import the Node-only test kit). */
export const KEY = 'bench-key'
export const HEADER_KEY = 'bench-header-key'

export const alwaysNew: IdempotencyStore = { reserve: () => 'new', markDone() {}, release() {} }

export function benchWebhooks<C = unknown>() {
  const webhooks = createWebhooks<[], C>({
    key: KEY,
    verify: {
      'workflow.chatbot.session_ended': headerSign({ algorithm: 'hmac-sha256-hex', keys: HEADER_KEY }),
    },
    idempotency: alwaysNew,
    logger: false,
  })
  let handled = 0
  webhooks.onAny(() => {
    handled++
  })
  return { webhooks, handled: () => handled }
}
