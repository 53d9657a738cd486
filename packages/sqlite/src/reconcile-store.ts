/**
 * @module
 * `createSqliteReconcileStore({ path })`: the reconciler's tracked tasks in a SQLite table,
 * normally in the inbox's own file, so a restarted process resumes the tasks it was tracking.
 * Claims are `BEGIN IMMEDIATE` transactions: two processes on one file never pull one task at once.
 *
 * ```ts
 * import { createReconciler } from '@airudder-webhooks/client'
 * import { createSqliteInbox, createSqliteReconcileStore } from '@airudder-webhooks/sqlite'
 * const webhooks = createWebhooks({ key, inbox: createSqliteInbox({ path: 'inbox.db' }) })
 * createReconciler({ webhooks, client, store: createSqliteReconcileStore({ path: 'inbox.db' }) })
 * ```
 */
import {
  type ReconcileStore,
  reportFromJson,
  reportToJson,
  type TaskSource,
  type TrackedTask,
  type TrackedTaskState,
} from '@airudder-webhooks/client'
import Database from 'better-sqlite3'
import { tableName } from './schema'

export interface SqliteReconcileStoreOptions {
  /** The database file: use the inbox's. */
  readonly path: string
  /** Default `airudder_reconcile_tasks`. */
  readonly table?: string | undefined
  readonly busyTimeoutMs?: number | undefined
  /** The clock (tests). */
  readonly now?: (() => number) | undefined
}

export interface SqliteReconcileStore extends ReconcileStore {
  close(): Promise<void>
}

interface TaskRow {
  readonly task_id: string
  readonly state: TrackedTaskState
  readonly source: TaskSource
  readonly due_at: number
  readonly attempts: number
  readonly last_seen_at: number
  readonly last_error: string | null
  readonly report: string | null
  readonly updated_at: number
}

const toTask = (row: TaskRow): TrackedTask => ({
  taskId: row.task_id,
  state: row.state,
  source: row.source,
  dueAt: new Date(row.due_at),
  attempts: row.attempts,
  lastSeenAt: new Date(row.last_seen_at),
  lastError: row.last_error ?? undefined,
  report: reportFromJson(row.report),
  updatedAt: new Date(row.updated_at),
})

export function createSqliteReconcileStore(options: SqliteReconcileStoreOptions): SqliteReconcileStore {
  const t = `"${tableName(options.table ?? 'airudder_reconcile_tasks')}"`
  const now = options.now ?? Date.now
  const db = new Database(options.path)
  db.pragma('journal_mode = WAL')
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`)
  db.exec(`
    CREATE TABLE IF NOT EXISTS ${t} (
      task_id TEXT PRIMARY KEY NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'pulling', 'reconciled')),
      source TEXT NOT NULL,
      due_at INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_seen_at INTEGER NOT NULL,
      last_error TEXT,
      report TEXT,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ${t.slice(0, -1)}_due" ON ${t} (state, due_at);
  `)
  // A task being pulled only records the sighting; any other is (again) pending at the new time.
  const track = db.prepare(`
    INSERT INTO ${t} (task_id, state, source, due_at, attempts, last_seen_at, updated_at)
    VALUES (@taskId, 'pending', @source, @dueAt, 0, @seenAt, @now)
    ON CONFLICT (task_id) DO UPDATE SET
      due_at = CASE WHEN state = 'pulling' THEN due_at ELSE excluded.due_at END,
      state = CASE WHEN state = 'pulling' THEN state ELSE 'pending' END,
      last_seen_at = excluded.last_seen_at,
      updated_at = excluded.updated_at`)
  const selectDue = db.prepare<[number, number], { task_id: string }>(`
    SELECT task_id FROM ${t} WHERE state IN ('pending', 'pulling') AND due_at <= ? ORDER BY due_at, task_id LIMIT ?`)
  const lease = db.prepare<[number, number, string], TaskRow>(`
    UPDATE ${t} SET state = 'pulling', attempts = attempts + 1, due_at = ?, updated_at = ? WHERE task_id = ? RETURNING *`)
  const held = `task_id = @taskId AND attempts = @attempts AND state = 'pulling'`
  const settle = db.prepare(`
    UPDATE ${t} SET state = @state, due_at = coalesce(@nextAt, due_at), report = @report, last_error = NULL,
      updated_at = @now WHERE ${held}`)
  const fail = db.prepare(`
    UPDATE ${t} SET state = 'pending', due_at = @retryAt, last_error = @error, updated_at = @now WHERE ${held}`)
  const get = db.prepare<[string], TaskRow>(`SELECT * FROM ${t} WHERE task_id = ?`)
  const listAll = db.prepare<[number], TaskRow>(`SELECT * FROM ${t} ORDER BY updated_at DESC LIMIT ?`)
  const listState = db.prepare<[string, number], TaskRow>(
    `SELECT * FROM ${t} WHERE state = ? ORDER BY updated_at DESC LIMIT ?`,
  )
  const claim = db.transaction((limit: number, leaseMs: number): TrackedTask[] => {
    const at = now()
    return selectDue.all(at, limit).flatMap(({ task_id }) => {
      const row = lease.get(at + leaseMs, at, task_id)
      return row ? [toTask(row)] : []
    })
  })

  return {
    async track(taskId, { source, dueAt, seenAt }) {
      track.run({ taskId, source, dueAt: dueAt.getTime(), seenAt: seenAt.getTime(), now: now() })
    },
    async claim(limit, leaseMs) {
      return claim.immediate(Math.floor(limit), Math.max(0, leaseMs))
    },
    async settle(lease, report, nextAt) {
      const { changes } = settle.run({
        taskId: lease.taskId,
        attempts: lease.attempts,
        state: nextAt === null ? 'reconciled' : 'pending',
        nextAt: nextAt?.getTime() ?? null,
        report: reportToJson(report),
        now: now(),
      })
      return changes === 1
    },
    async fail(lease, error, retryAt) {
      const { changes } = fail.run({
        taskId: lease.taskId,
        attempts: lease.attempts,
        retryAt: retryAt.getTime(),
        error,
        now: now(),
      })
      return changes === 1
    },
    async get(taskId) {
      const row = get.get(taskId)
      return row && toTask(row)
    },
    async list(listOptions = {}) {
      const limit = listOptions.limit ?? 100
      const rows =
        listOptions.state === undefined ? listAll.all(limit) : listState.all(listOptions.state, limit)
      return rows.map(toTask)
    },
    async close() {
      db.close()
    },
  }
}
