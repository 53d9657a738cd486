/**
 * @module
 * `@airudder-webhooks/sqlite`: the durable AIRudder webhook inbox for one machine, in a SQLite
 * file. Deliveries are stored before AIRudder is answered and survive a crash.
 *
 * ```ts
 * import { createNodeHandler } from '@airudder-webhooks/core/node'
 * import { createWebhooks } from '@airudder-webhooks/core'
 * import { createSqliteInbox } from '@airudder-webhooks/sqlite'
 * const webhooks = createWebhooks({ key, inbox: createSqliteInbox({ path: 'inbox.db' }) })
 * webhooks.on('workflow.call.completed', (event) => save(event.payload.Details))
 * ```
 */

export {
  createSqliteReconcileStore,
  type SqliteReconcileStore,
  type SqliteReconcileStoreOptions,
} from './reconcile-store'
export { createSqliteInbox, type SqliteInbox, type SqliteInboxOptions } from './sqlite-inbox'
