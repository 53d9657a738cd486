/**
 * @module
 * Rows of the SQLite inbox table and their conversion to `InboxEntry`.
 */
import type { InboxEntry, Verification } from '@airudder-webhooks/core'
import type { InboxStatus } from '@airudder-webhooks/core/inbox'

export interface InboxRow {
  readonly id: string
  readonly type: string
  readonly raw: string
  readonly received_at: number
  readonly verification: string
  readonly status: InboxStatus
  readonly attempts: number
  readonly available_at: number
  readonly last_error: string | null
  /** Added later (SQLite: on open; PostgreSQL: migration 004): absent in rows read before. */
  readonly trace?: string | null | undefined
  readonly updated_at: number
  readonly ordering_key: string | null
  readonly ordered_at: number | null
}

export function toEntry(row: InboxRow): InboxEntry {
  return {
    id: row.id,
    type: row.type,
    raw: row.raw,
    receivedAt: new Date(row.received_at),
    verification: JSON.parse(row.verification) as Verification,
    status: row.status,
    attempts: row.attempts,
    availableAt: new Date(row.available_at),
    lastError: row.last_error ?? undefined,
    ...(row.trace ? { trace: row.trace } : {}),
    updatedAt: new Date(row.updated_at),
    ...(row.ordering_key === null || row.ordered_at === null
      ? {}
      : { orderingKey: row.ordering_key, orderedAt: new Date(row.ordered_at) }),
  }
}
