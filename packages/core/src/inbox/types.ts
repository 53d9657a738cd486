/**
 * @module
 * The durable inbox contract. With an inbox, a verified delivery is stored first (one row per
 * idempotency id, so AIRudder's retries of one delivery make one row), AIRudder is answered
 * `200 {}` at once, and a processor runs the handlers from the inbox with retries. Implementations:
 * `@airudder-webhooks/sqlite` (one machine), `@airudder-webhooks/postgres` (several replicas), and
 * `createMemoryInbox()` (tests only: not durable).
 */
import type { Verification } from '../events/event'

/** `pending`: waiting (or waiting for a retry); `processing`: leased by a processor; `done`; `dead`: out of attempts. */
export type InboxStatus = 'pending' | 'processing' | 'done' | 'dead'

/** What the receiving side stores: the delivery as received and how it was verified. */
export interface NewInboxEntry {
  readonly id: string
  readonly type: string
  /** The body exactly as received. */
  readonly raw: string
  readonly receivedAt: Date
  readonly verification: Verification
}

export interface InboxEntry extends NewInboxEntry {
  readonly status: InboxStatus
  /** Processing attempts started so far (a claim counts as one). */
  readonly attempts: number
  /** When a pending entry is due, or when a processing entry's lease runs out. */
  readonly availableAt: Date
  /** The last failure's message (handlers' own errors, kept on the server). */
  readonly lastError: string | undefined
  readonly updatedAt: Date
}

export interface InboxListOptions {
  readonly status?: InboxStatus | undefined
  readonly limit?: number | undefined
}

export interface Inbox {
  /** Stores a delivery unless its id is already there. */
  add(entry: NewInboxEntry): Promise<'stored' | 'duplicate'>
  /**
   * Leases up to `limit` entries that are due (pending and available, or processing with an
   * expired lease: its processor died), oldest first, for `leaseMs`; each claim counts an attempt.
   */
  claim(limit: number, leaseMs: number): Promise<InboxEntry[]>
  /** The handlers succeeded. */
  complete(id: string): Promise<void>
  /** The handlers failed: pending again from `retryAt`, or `dead` when it is `null`. */
  fail(id: string, error: string, retryAt: Date | null): Promise<void>
  get(id: string): Promise<InboxEntry | undefined>
  /** Newest first. */
  list(options?: InboxListOptions): Promise<InboxEntry[]>
  /** A dead (or done) entry becomes pending again with its attempts reset; false if there is no such entry. */
  requeue(id: string): Promise<boolean>
  /** Deletes `done` entries last updated before `before`; returns how many. Their ids are then forgotten. */
  prune(before: Date): Promise<number>
  close?(): Promise<void>
}
