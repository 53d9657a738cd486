/**
 * @module
 * The PostgreSQL inbox's query side (what an operator's console and the depth metrics read):
 * filtered lists, counts by type and status, and requeueing every dead entry of a type at once.
 */
import {
  compareCounts,
  type InboxListOptions,
  type InboxStats,
  type InboxStatus,
} from '@airudder-webhooks/core/inbox'
import type { QueryResult, QueryResultRow } from 'pg'
import { type InboxRow, toEntry } from './rows'

type Query = <R extends QueryResultRow>(text: string, values: unknown[]) => Promise<QueryResult<R>>

export function createQueries(query: Query, t: string) {
  return {
    async list(options: InboxListOptions = {}) {
      const where: string[] = []
      const values: unknown[] = []
      const bind = (value: unknown) => `$${values.push(value)}`
      if (options.status !== undefined) where.push(`status = ${bind(options.status)}`)
      if (options.type !== undefined) where.push(`type = ${bind(options.type)}`)
      if (options.receivedAfter !== undefined) where.push(`received_at >= ${bind(options.receivedAfter)}`)
      if (options.receivedBefore !== undefined) where.push(`received_at < ${bind(options.receivedBefore)}`)
      if (options.search) {
        // strpos() rather than LIKE: the text needs no escaping; lower() folds case as the contract says.
        const needle = bind(options.search.toLowerCase())
        where.push(`(strpos(lower(id), ${needle}) > 0 OR strpos(lower(raw), ${needle}) > 0)`)
      }
      const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
      const limit = bind(options.limit ?? 100)
      const { rows } = await query<InboxRow>(
        `SELECT * FROM ${t} ${filter} ORDER BY received_at DESC, id DESC LIMIT ${limit}`,
        values,
      )
      return rows.map(toEntry)
    },
    async stats(): Promise<InboxStats> {
      const [counts, oldest] = await Promise.all([
        query<{ type: string; status: InboxStatus; count: string }>(
          `SELECT type, status, count(*) AS count FROM ${t} GROUP BY type, status`,
          [],
        ),
        query<{ at: Date | null }>(`SELECT min(received_at) AS at FROM ${t} WHERE status = 'pending'`, []),
      ])
      return {
        // count(*) is a bigint, which pg returns as text.
        counts: counts.rows.map((row) => ({ ...row, count: Number(row.count) })).sort(compareCounts),
        oldestPendingAt: oldest.rows[0]?.at ?? undefined,
      }
    },
    async requeueDead(type?: string) {
      const { rowCount } = await query(
        `UPDATE ${t} SET status = 'pending', attempts = 0, available_at = now(), last_error = NULL,
           updated_at = now() WHERE status = 'dead' AND ($1::text IS NULL OR type = $1)`,
        [type ?? null],
      )
      return rowCount ?? 0
    },
  }
}
