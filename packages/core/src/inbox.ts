/**
 * @module
 * `@airudder-webhooks/core/inbox`: what an inbox implementation needs beyond `Inbox` itself (the
 * SQLite and PostgreSQL packages use it): the entry, lease, list and stats shapes, the transactional
 * form, the query side written once for stores without a query language, and the processor's
 * backoff (`retryDelay`), which the reconciler in `@airudder-webhooks/client` shares.
 *
 * ```ts
 * import type { Inbox } from '@airudder-webhooks/core'
 * import { matchesListOptions, statsOf } from '@airudder-webhooks/core/inbox'
 * ```
 */
export { type RetryOptions, retryDelay } from './inbox/backoff'
export { compareCounts, INBOX_STATUSES, matchesListOptions, statsOf } from './inbox/query'
export type {
  InboxCount,
  InboxLease,
  InboxListOptions,
  InboxStats,
  InboxStatus,
  NewInboxEntry,
  TransactionalInbox,
} from './webhooks/inbox-contract'
