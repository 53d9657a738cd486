/**
 * @module
 * `createPostgresInbox({ pool })`: the inbox for several app replicas sharing one PostgreSQL
 * database. Replicas claim due entries with `FOR UPDATE SKIP LOCKED` (never the same row twice)
 * and lease them; an entry whose replica died mid-handler is due again when its lease runs out,
 * and another replica takes it over. Leases use the database's clock, which all replicas share.
 *
 * Handlers run inside a transaction that holds the entry's row lock and marks it done: write your
 * effects through `context.tx` and they commit with the completion or not at all, so an event whose
 * replica died mid-handler leaves nothing behind, and the replica that takes it over makes the one
 * run that counts.
 *
 * ```ts
 * import pg from 'pg'
 * import { createPostgresInbox, migrate } from '@airudder-webhooks/postgres'
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL })
 * await migrate(pool) // or `airudder-webhooks-postgres migrate` in your deploy step
 * const webhooks = createWebhooks({ key, inbox: createPostgresInbox({ pool }) })
 * webhooks.on('workflow.call.completed', async (event, { tx }) => {
 *   await tx.query('INSERT INTO call_results (call_id, intention) VALUES ($1, $2)', [...])
 * })
 * ```
 * The table must exist: this module never migrates on its own.
 */
import type { NewInboxEntry, TransactionalInbox } from '@airudder-webhooks/core/inbox'
import type { Pool, PoolClient, QueryConfig, QueryResultRow } from 'pg'
import { createQueries } from './queries'
import { type InboxRow, toEntry } from './rows'
import { explainMissingTable, tableName } from './table'

export interface PostgresInboxOptions {
  /**
   * The pool the inbox queries with; it stays yours to end. Each entry in hand holds one of its
   * connections (its transaction) while the handlers run: give it more than `processing.concurrency`
   * connections, plus what your handlers take from it themselves.
   */
  readonly pool: Pick<Pool, 'query' | 'connect'> & Partial<Pick<Pool, 'on' | 'listeners'>>
  /** Default `airudder_inbox`; it must have been migrated (`migrate(pool, { table })`). */
  readonly table?: string | undefined
  /**
   * How long each of the inbox's own queries may wait for the database before it fails and its
   * connection is discarded (a swallowed connection must not wedge the pool). Your handlers' queries
   * through `tx` are not limited by it. Default 5000. Also give the pool `connectionTimeoutMillis`.
   */
  readonly queryTimeoutMs?: number | undefined
  /**
   * A handler's transaction left idle this long is ended by PostgreSQL itself
   * (`idle_in_transaction_session_timeout`): when its replica vanished behind a network partition,
   * the row lock it held is freed and another replica takes the event over. Keep what handlers await
   * outside the database shorter than this. Default 60000.
   */
  readonly idleInTransactionMs?: number | undefined
}

/** Handlers get `{ entry, tx }` where `tx` is the pool client whose transaction marks the entry done. */
export type PostgresInbox = TransactionalInbox<PoolClient>

/** Rolls back after a failure; a connection that cannot even do that is given back broken (pg then discards it). */
async function rollback(client: PoolClient, error: unknown): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK')
    return undefined
  } catch {
    return error instanceof Error ? error : new Error(String(error))
  }
}

/** A connection error is answered by the query it breaks; the event itself must not crash the process. */
const ignore = () => undefined

export function createPostgresInbox(options: PostgresInboxOptions): PostgresInbox {
  const { pool } = options
  const t = tableName(options.table)
  const queryTimeoutMs = options.queryTimeoutMs ?? 5000
  const begin = `BEGIN; SET LOCAL idle_in_transaction_session_timeout = ${Math.max(1, Math.floor(options.idleInTransactionMs ?? 60_000))}`
  // pg reads `query_timeout` per query (its types only list it on the client's config).
  const limited = (text: string, values: unknown[]): QueryConfig => {
    const config = { text, values, query_timeout: queryTimeoutMs }
    return config
  }
  // pg emits 'error' on the pool when an idle connection dies (database restarted, network reset);
  // unheard, Node ends the process. pg has already discarded the connection: nothing else to do.
  if (!pool.listeners?.('error').includes(ignore)) pool.on?.('error', ignore)
  /** Open handler transactions by entry id, so `release` can roll them back at shutdown. */
  const open = new Map<string, () => void>()

  const query = async <R extends QueryResultRow>(text: string, values: unknown[]) => {
    try {
      return await pool.query<R>(limited(text, values))
    } catch (error) {
      throw explainMissingTable(error, t)
    }
  }

  // Settling needs the lease ($1 id, $2 attempts): a replica whose claim ran out and was taken over changes nothing.
  const held = `attempts = $2 AND status = 'processing'`
  const completeSql = `UPDATE ${t} SET status = 'done', last_error = NULL, updated_at = now() WHERE id = $1`

  // MATERIALIZED: the locking subquery runs exactly once, so LIMIT bounds what is leased.
  const claimSql = `
    WITH due AS MATERIALIZED (
      SELECT id, available_at FROM ${t} AS e
      WHERE status IN ('pending', 'processing') AND available_at <= now()
        AND (e.ordering_key IS NULL OR NOT EXISTS (
          -- One at a time per ordering key, oldest first: none of its key is held, or older and unfinished.
          SELECT 1 FROM ${t} AS o
          WHERE o.ordering_key = e.ordering_key AND o.id <> e.id AND o.status IN ('pending', 'processing')
            AND ((o.status = 'processing' AND o.available_at > now())
              OR (o.ordered_at, o.received_at) < (e.ordered_at, e.received_at))))
      ORDER BY available_at, id
      LIMIT $1
      FOR UPDATE SKIP LOCKED
    )
    UPDATE ${t} SET
      status = 'processing',
      attempts = ${t}.attempts + 1,
      available_at = now() + $2 * interval '1 millisecond',
      updated_at = now()
    FROM due WHERE ${t}.id = due.id
    RETURNING ${t}.*, due.available_at AS due_at`

  return {
    ...createQueries(query, t),
    async add(entry: NewInboxEntry) {
      const { rowCount } = await query(
        `INSERT INTO ${t} (id, type, raw, received_at, verification, trace, ordering_key, ordered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
        [
          entry.id,
          entry.type,
          entry.raw,
          entry.receivedAt,
          JSON.stringify(entry.verification),
          entry.trace ?? null,
          entry.orderingKey ?? null,
          entry.orderingKey === undefined ? null : (entry.orderedAt ?? entry.receivedAt),
        ],
      )
      return rowCount === 1 ? 'stored' : 'duplicate'
    },
    async claim(limit, leaseMs) {
      if (limit <= 0) return []
      const { rows } = await query<InboxRow & { due_at: Date }>(claimSql, [
        Math.floor(limit),
        Math.max(0, leaseMs),
      ])
      // RETURNING has no order: oldest due first, as the contract says.
      rows.sort((a, b) => a.due_at.getTime() - b.due_at.getTime() || (a.id < b.id ? -1 : 1))
      return rows.map(toEntry)
    },
    async complete({ id, attempts }) {
      const { rowCount } = await query(`${completeSql} AND ${held}`, [id, attempts])
      return rowCount === 1
    },
    async fail({ id, attempts }, error, retryAt) {
      const { rowCount } = retryAt
        ? await query(
            `UPDATE ${t} SET status = 'pending', last_error = $3, available_at = $4, updated_at = now()
             WHERE id = $1 AND ${held}`,
            [id, attempts, error, retryAt],
          )
        : await query(
            `UPDATE ${t} SET status = 'dead', last_error = $3, updated_at = now() WHERE id = $1 AND ${held}`,
            [id, attempts, error],
          )
      return rowCount === 1
    },
    async transact(lease, work) {
      const client = await pool.connect()
      // A checked-out client has no listener of pg's own: a backend terminated mid-handler would
      // otherwise be an unhandled 'error' event. The query in progress rejects with it anyway.
      client.on('error', ignore)
      let released = false
      const giveBack = (broken?: Error) => {
        if (released) return
        released = true
        open.delete(lease.id)
        client.removeListener('error', ignore)
        client.release(broken)
      }
      open.set(lease.id, () => giveBack(new Error('released at shutdown')))
      const own = (text: string, values: unknown[] = []) => client.query(limited(text, values))
      let broken: Error | undefined
      try {
        await own(begin) // one round trip: no values, so pg sends both statements at once
        // Locks the row for the whole run: other replicas' claims skip it even once the lease ends.
        const { rowCount } = await own(`SELECT 1 FROM ${t} WHERE id = $1 AND ${held} FOR UPDATE`, [
          lease.id,
          lease.attempts,
        ])
        if (rowCount !== 1 || !(await work(client))) {
          await own('ROLLBACK')
          return rowCount === 1 ? 'rolled_back' : 'lost'
        }
        await own(completeSql, [lease.id])
        await own('COMMIT')
        return 'done'
      } catch (error) {
        broken = released ? undefined : await rollback(client, error)
        throw explainMissingTable(error, t)
      } finally {
        giveBack(broken)
      }
    },
    async release(leases) {
      if (leases.length === 0) return 0
      // Ending a transaction's connection rolls it back and frees the row lock the update needs.
      for (const lease of leases) open.get(lease.id)?.()
      const { rowCount } = await query(
        `UPDATE ${t} SET status = 'pending', available_at = now(), updated_at = now()
         FROM unnest($1::text[], $2::int[]) AS held(id, attempts)
         WHERE ${t}.id = held.id AND ${t}.attempts = held.attempts AND ${t}.status = 'processing'`,
        [leases.map((lease) => lease.id), leases.map((lease) => lease.attempts)],
      )
      return rowCount ?? 0
    },
    async get(id) {
      const { rows } = await query<InboxRow>(`SELECT * FROM ${t} WHERE id = $1`, [id])
      return rows[0] && toEntry(rows[0])
    },
    async requeue(id) {
      const { rowCount } = await query(
        `UPDATE ${t} SET status = 'pending', attempts = 0, available_at = now(), last_error = NULL,
           updated_at = now() WHERE id = $1 AND status IN ('dead', 'done')`,
        [id],
      )
      return (rowCount ?? 0) > 0
    },
    async prune(before) {
      const { rowCount } = await query(`DELETE FROM ${t} WHERE status = 'done' AND updated_at < $1`, [before])
      return rowCount ?? 0
    },
  }
}
