/**
 * @module
 * The SQLite inbox's query side (what an operator's console and the depth metrics read): filtered
 * lists, counts by type and status, and requeueing every dead entry of a type at once.
 */
import {
  compareCounts,
  type InboxListOptions,
  type InboxStats,
  type InboxStatus,
} from '@airudder-webhooks/core/inbox'
import type { Database } from 'better-sqlite3'
import { type InboxRow, toEntry } from './rows'

export function createQueries(db: Database, table: string, now: () => number) {
  const t = `"${table}"`
  const counts = db.prepare<[], { type: string; status: InboxStatus; count: number }>(
    `SELECT type, status, count(*) AS count FROM ${t} GROUP BY type, status`,
  )
  const oldestPending = db.prepare<[], { at: number | null }>(
    `SELECT min(received_at) AS at FROM ${t} WHERE status = 'pending'`,
  )
  const requeueDead = db.prepare(`
    UPDATE ${t} SET status = 'pending', attempts = 0, available_at = @now, last_error = NULL, updated_at = @now
    WHERE status = 'dead' AND (@type IS NULL OR type = @type)`)

  return {
    async list(options: InboxListOptions = {}) {
      const where: string[] = []
      const params: Record<string, string | number> = { limit: options.limit ?? 100 }
      if (options.status !== undefined) {
        where.push('status = @status')
        params.status = options.status
      }
      if (options.type !== undefined) {
        where.push('type = @type')
        params.type = options.type
      }
      if (options.receivedAfter !== undefined) {
        where.push('received_at >= @after')
        params.after = options.receivedAfter.getTime()
      }
      if (options.receivedBefore !== undefined) {
        where.push('received_at < @before')
        params.before = options.receivedBefore.getTime()
      }
      if (options.search) {
        // instr() rather than LIKE: the text needs no escaping; lower() folds ASCII case as the contract says.
        where.push('(instr(lower(id), @search) > 0 OR instr(lower(raw), @search) > 0)')
        params.search = options.search.toLowerCase()
      }
      const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
      const rows = db
        .prepare<[Record<string, string | number>], InboxRow>(
          `SELECT * FROM ${t} ${filter} ORDER BY received_at DESC, rowid DESC LIMIT @limit`,
        )
        .all(params)
      return rows.map(toEntry)
    },
    async stats(): Promise<InboxStats> {
      const at = oldestPending.get()?.at
      return {
        counts: counts.all().sort(compareCounts),
        oldestPendingAt: at === null || at === undefined ? undefined : new Date(at),
      }
    },
    async requeueDead(type?: string) {
      return requeueDead.run({ now: now(), type: type ?? null }).changes
    },
  }
}
