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
import type { Pool, PoolClient, QueryResultRow } from 'pg'
import { createQueries } from './queries'
import { type InboxRow, toEntry } from './rows'
import { explainMissingTable, tableName } from './table'

export interface PostgresInboxOptions {
  /**
   * The pool the inbox queries with; it stays yours to end. Each entry in hand holds one of its
   * connections (its transaction) while the handlers run: give it more than `processing.concurrency`
   * connections, plus what your handlers take from it themselves.
   */
  readonly pool: Pick<Pool, 'query' | 'connect'>
  /** Default `airudder_inbox`; it must have been migrated (`migrate(pool, { table })`). */
  readonly table?: string | undefined
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

export function createPostgresInbox(options: PostgresInboxOptions): PostgresInbox {
  const { pool } = options
  const t = tableName(options.table)

  const query = async <R extends QueryResultRow>(text: string, values: unknown[]) => {
    try {
      return await pool.query<R>(text, values)
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
      SELECT id, available_at FROM ${t}
      WHERE status IN ('pending', 'processing') AND available_at <= now()
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
        `INSERT INTO ${t} (id, type, raw, received_at, verification, trace) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO NOTHING`,
        [
          entry.id,
          entry.type,
          entry.raw,
          entry.receivedAt,
          JSON.stringify(entry.verification),
          entry.trace ?? null,
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
      let broken: Error | undefined
      try {
        await client.query('BEGIN')
        // Locks the row for the whole run: other replicas' claims skip it even once the lease ends.
        const { rowCount } = await client.query(`SELECT 1 FROM ${t} WHERE id = $1 AND ${held} FOR UPDATE`, [
          lease.id,
          lease.attempts,
        ])
        if (rowCount !== 1 || !(await work(client))) {
          await client.query('ROLLBACK')
          return rowCount === 1 ? 'rolled_back' : 'lost'
        }
        await client.query(completeSql, [lease.id])
        await client.query('COMMIT')
        return 'done'
      } catch (error) {
        broken = await rollback(client, error)
        throw explainMissingTable(error, t)
      } finally {
        client.release(broken)
      }
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
