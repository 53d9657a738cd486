/**
 * @module
 * `createSqliteInbox({ path })`: the durable inbox for one machine, in one SQLite file (WAL mode).
 * A delivery is committed before AIRudder is answered `200`, so a process killed at any point
 * (SIGKILL included) loses no acknowledged event: on restart, stored entries that were not
 * finished are processed (entries in hand when it died, once their lease ends).
 *
 * ```ts
 * import { createWebhooks } from '@airudder-webhooks/core'
 * import { createSqliteInbox } from '@airudder-webhooks/sqlite'
 * const webhooks = createWebhooks({ key, inbox: createSqliteInbox({ path: './airudder-inbox.db' }) })
 * ```
 *
 * Durability: `synchronous = FULL` by default, so every commit (an acknowledged delivery, a
 * finished handler) is fsynced and survives a power cut or an OS crash too. `'NORMAL'` is enough
 * against a killed process (a WAL commit is in the OS's page cache before `add` returns) and
 * saves an fsync per write, but a power cut may roll back the last acknowledged deliveries.
 */
import type { Inbox, InboxEntry } from '@airudder-webhooks/core'
import type { InboxLease, NewInboxEntry } from '@airudder-webhooks/core/inbox'
import Database from 'better-sqlite3'
import { createQueries } from './queries'
import { type InboxRow, toEntry } from './rows'
import { createTable, tableName } from './schema'

export interface SqliteInboxOptions {
  /** The database file (created if missing). One machine only: SQLite over a network share is unsafe. */
  readonly path: string
  /** Default `airudder_inbox`. */
  readonly table?: string | undefined
  /** Default `'FULL'` (survives power loss); `'NORMAL'` survives a killed process, not a power cut. */
  readonly synchronous?: 'FULL' | 'NORMAL' | undefined
  /** How long a write waits for another process holding the file's write lock before it fails (the delivery is then answered 503 and retried). Default 1000 ms. */
  readonly busyTimeoutMs?: number | undefined
  /** The clock (tests). */
  readonly now?: (() => number) | undefined
}

export interface SqliteInbox extends Inbox {
  /** Closes the database file. */
  close(): Promise<void>
}

export function createSqliteInbox(options: SqliteInboxOptions): SqliteInbox {
  const table = tableName(options.table ?? 'airudder_inbox')
  const now = options.now ?? Date.now
  const db = new Database(options.path)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`)
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 1000))}`)
  createTable(db, table)

  const t = `"${table}"`
  // One at a time per ordering key, oldest first: none of its key is held, or older and unfinished.
  const nextOfItsKey = `(e.ordering_key IS NULL OR NOT EXISTS (
      SELECT 1 FROM ${t} AS o
      WHERE o.ordering_key = e.ordering_key AND o.id <> e.id AND o.status IN ('pending', 'processing')
        AND ((o.status = 'processing' AND o.available_at > @at)
          OR o.ordered_at < e.ordered_at OR (o.ordered_at = e.ordered_at AND o.received_at < e.received_at))))`
  const insert = db.prepare(`
    INSERT INTO ${t} (id, type, raw, received_at, verification, status, attempts, available_at, updated_at,
      trace, ordering_key, ordered_at)
    VALUES (@id, @type, @raw, @receivedAt, @verification, 'pending', 0, @now, @now, @trace, @orderingKey, @orderedAt)
    ON CONFLICT (id) DO NOTHING`)
  const selectDue = db.prepare<[{ at: number; limit: number }], { id: string }>(`
    SELECT id FROM ${t} AS e
    WHERE status IN ('pending', 'processing') AND available_at <= @at AND ${nextOfItsKey}
    ORDER BY available_at, rowid LIMIT @limit`)
  const lease = db.prepare<[number, number, string], InboxRow>(`
    UPDATE ${t} SET status = 'processing', attempts = attempts + 1, available_at = ?, updated_at = ?
    WHERE id = ? RETURNING *`)
  // Settling needs the lease: a processor whose claim ran out and was taken over changes nothing.
  const held = `id = @id AND attempts = @attempts AND status = 'processing'`
  const complete = db.prepare(
    `UPDATE ${t} SET status = 'done', last_error = NULL, updated_at = @now WHERE ${held}`,
  )
  const retry = db.prepare(`
    UPDATE ${t} SET status = 'pending', last_error = @error, available_at = @retryAt, updated_at = @now
    WHERE ${held}`)
  const kill = db.prepare(
    `UPDATE ${t} SET status = 'dead', last_error = @error, updated_at = @now WHERE ${held}`,
  )
  const release = db.prepare(
    `UPDATE ${t} SET status = 'pending', available_at = @now, updated_at = @now WHERE ${held}`,
  )
  const releaseAll = db.transaction((leases: readonly InboxLease[], at: number) =>
    leases.reduce((sum, { id, attempts }) => sum + release.run({ id, attempts, now: at }).changes, 0),
  )
  const get = db.prepare<[string], InboxRow>(`SELECT * FROM ${t} WHERE id = ?`)
  const requeue = db.prepare(`
    UPDATE ${t} SET status = 'pending', attempts = 0, available_at = ?, last_error = NULL, updated_at = ?
    WHERE id = ? AND status IN ('dead', 'done')`)
  const prune = db.prepare(`DELETE FROM ${t} WHERE status = 'done' AND updated_at < ?`)

  // One write transaction (BEGIN IMMEDIATE): other processes on the same file cannot claim the same rows.
  const claim = db.transaction((limit: number, leaseMs: number): InboxEntry[] => {
    const at = now()
    return selectDue.all({ at, limit }).flatMap(({ id }) => {
      const row = lease.get(at + leaseMs, at, id)
      return row ? [toEntry(row)] : []
    })
  })

  return {
    ...createQueries(db, table, now),
    async add(entry: NewInboxEntry) {
      const { changes } = insert.run({
        id: entry.id,
        type: entry.type,
        raw: entry.raw,
        receivedAt: entry.receivedAt.getTime(),
        verification: JSON.stringify(entry.verification),
        now: now(),
        trace: entry.trace ?? null,
        orderingKey: entry.orderingKey ?? null,
        orderedAt: entry.orderingKey === undefined ? null : (entry.orderedAt ?? entry.receivedAt).getTime(),
      })
      return changes === 1 ? 'stored' : 'duplicate'
    },
    async claim(limit, leaseMs) {
      if (limit <= 0) return []
      return claim.immediate(Math.floor(limit), Math.max(0, leaseMs))
    },
    async complete({ id, attempts }) {
      return complete.run({ id, attempts, now: now() }).changes > 0
    },
    async fail({ id, attempts }, error, retryAt) {
      const held = { id, attempts, error, now: now() }
      const { changes } = retryAt ? retry.run({ ...held, retryAt: retryAt.getTime() }) : kill.run(held)
      return changes > 0
    },
    async release(leases) {
      return releaseAll.immediate(leases, now())
    },
    async get(id) {
      const row = get.get(id)
      return row && toEntry(row)
    },
    async requeue(id) {
      const at = now()
      return requeue.run(at, at, id).changes > 0
    },
    async prune(before) {
      return prune.run(before.getTime()).changes
    },
    async close() {
      if (db.open) db.close()
    },
  }
}
