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
  /**
   * The trace context the delivery was received in (W3C `traceparent`), when telemetry is on: the
   * handler runs of every attempt join that trace. Stores keep it as they got it.
   */
  readonly trace?: string | undefined
  /**
   * Entries of one key are claimed one at a time, oldest `orderedAt` first (then `receivedAt`):
   * none while another of its key is in a processor's hands or waits, older, for a retry.
   */
  readonly orderingKey?: string | undefined
  /** The payload's own time (default `receivedAt`). */
  readonly orderedAt?: Date | undefined
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

/**
 * Which claim a processor holds: an entry's id and its `attempts` when it was claimed. An entry
 * taken over by another processor (after this one's lease ran out) has more attempts, so a late
 * `complete` or `fail` from the first processor changes nothing.
 */
export type InboxLease = Pick<InboxEntry, 'id' | 'attempts'>

export interface InboxListOptions {
  readonly status?: InboxStatus | undefined
  /** Only entries of this event type (`workflow.call.completed`, …). */
  readonly type?: string | undefined
  /** Only entries received at or after this time. */
  readonly receivedAfter?: Date | undefined
  /** Only entries received before this time. */
  readonly receivedBefore?: Date | undefined
  /**
   * Only entries whose id or raw body contains this text, ignoring ASCII case: a `TaskID`, `CallID`,
   * `CaseID` or `callid`. A scan of the bodies: meant for an operator's search, not a hot path.
   */
  readonly search?: string | undefined
  /** Default 100. */
  readonly limit?: number | undefined
}

/** How many entries one event type has in one status. */
export interface InboxCount {
  readonly type: string
  readonly status: InboxStatus
  readonly count: number
}

/** What `stats()` reports: what an operator's console and the depth metrics show. */
export interface InboxStats {
  /** One row per type and status that has entries, sorted by type then status. */
  readonly counts: readonly InboxCount[]
  /** When the oldest `pending` entry was received (`undefined` when none is pending). */
  readonly oldestPendingAt: Date | undefined
}

export interface Inbox {
  /** Stores a delivery unless its id is already there. */
  add(entry: NewInboxEntry): Promise<'stored' | 'duplicate'>
  /**
   * Leases up to `limit` entries that are due (pending and available, or processing with an
   * expired lease: its processor died), oldest first, for `leaseMs`; each claim counts an attempt.
   */
  claim(limit: number, leaseMs: number): Promise<InboxEntry[]>
  /** The handlers succeeded. False (and nothing changed) when the lease is no longer held. */
  complete(lease: InboxLease): Promise<boolean>
  /**
   * The handlers failed: pending again from `retryAt`, or `dead` when it is `null`. False (and
   * nothing changed) when the lease is no longer held.
   */
  fail(lease: InboxLease, error: string, retryAt: Date | null): Promise<boolean>
  /**
   * Gives leases back at shutdown: each entry still held by its lease is pending again, due at once,
   * so another processor takes it without waiting for the lease to run out (the attempt it used
   * still counts). A transaction holding one (PostgreSQL) is rolled back first. Returns how many.
   * Inboxes without it leave such entries to their lease.
   */
  release?(leases: readonly InboxLease[]): Promise<number>
  get(id: string): Promise<InboxEntry | undefined>
  /** Newest first (by `receivedAt`), filtered by every option given. */
  list(options?: InboxListOptions): Promise<InboxEntry[]>
  /** Entries counted by type and status, and the age of the oldest pending one. */
  stats(): Promise<InboxStats>
  /**
   * A dead (or done) entry becomes pending again with its attempts reset. False when there is no
   * such entry, or it is pending or processing (a processor may hold it: requeueing it would run
   * its handlers twice).
   */
  requeue(id: string): Promise<boolean>
  /** Every `dead` entry (of `type` when given) becomes pending again with its attempts reset; returns how many. */
  requeueDead(type?: string): Promise<number>
  /** Deletes `done` entries last updated before `before`; returns how many. Their ids are then forgotten. */
  prune(before: Date): Promise<number>
  close?(): Promise<void>
}

/**
 * An inbox that can run an entry's handlers inside a database transaction which also marks the
 * entry done: what the handlers write through `tx` commits together with the completion, or not
 * at all. A processor killed mid-handler leaves neither behind, so the replica that takes the
 * entry over runs it as the only run that counted: exactly once, for effects written through `tx`.
 */
export interface TransactionalInbox<Tx> extends Inbox {
  /**
   * Opens a transaction holding `lease` and calls `work` with it. When `work` resolves `true` the
   * entry is marked done in that transaction and it commits (`'done'`); otherwise it rolls back
   * (`'rolled_back'`; settle the entry with `fail`). `'lost'`, without calling `work`, when the lease
   * is no longer held. Rejects, rolled back, when the transaction cannot commit.
   */
  transact(lease: InboxLease, work: (tx: Tx) => Promise<boolean>): Promise<'done' | 'rolled_back' | 'lost'>
}

/** What handlers get as their second argument when they run from an inbox. */
export interface InboxContext<Tx = undefined> {
  /** The entry being processed; `attempts` counts this run. */
  readonly entry: InboxEntry
  /**
   * With a transactional inbox (PostgreSQL), the transaction that will mark this entry done: write
   * through it and your effects commit with the completion. `undefined` with other inboxes.
   */
  readonly tx: Tx
}
