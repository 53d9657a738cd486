/**
 * @module
 * Rows of the PostgreSQL inbox table (pg returns timestamptz as `Date` and jsonb parsed) and their
 * conversion to `InboxEntry`.
 */
import type { InboxEntry, Verification } from '@airudder-webhooks/core'
import type { InboxStatus } from '@airudder-webhooks/core/inbox'

export interface InboxRow {
  readonly id: string
  readonly type: string
  readonly raw: string
  readonly received_at: Date
  readonly verification: Verification
  readonly status: InboxStatus
  readonly attempts: number
  readonly available_at: Date
  readonly last_error: string | null
  /** Added later (SQLite: on open; PostgreSQL: migration 004): absent in rows read before. */
  readonly trace?: string | null | undefined
  readonly updated_at: Date
  readonly ordering_key: string | null
  readonly ordered_at: Date | null
}

export function toEntry(row: InboxRow): InboxEntry {
  return {
    id: row.id,
    type: row.type,
    raw: row.raw,
    receivedAt: row.received_at,
    verification: row.verification,
    status: row.status,
    attempts: row.attempts,
    availableAt: row.available_at,
    lastError: row.last_error ?? undefined,
    ...(row.trace ? { trace: row.trace } : {}),
    updatedAt: row.updated_at,
    ...(row.ordering_key === null || row.ordered_at === null
      ? {}
      : { orderingKey: row.ordering_key, orderedAt: row.ordered_at }),
  }
}
