/**
 * @module
 * `createPostgresReconcileStore({ pool })`: the reconciler's tracked tasks in PostgreSQL, next to
 * the inbox (`<inbox table>_reconcile_tasks`, created by `migrate()`). Replicas claim due tasks with
 * `FOR UPDATE SKIP LOCKED` and lease them on the database's clock: one replica pulls a task at a
 * time, and a replica that dies mid-pull loses the task to another when its lease runs out.
 *
 * ```ts
 * await migrate(pool)
 * const webhooks = createWebhooks({ key, inbox: createPostgresInbox({ pool }) })
 * createReconciler({ webhooks, client, store: createPostgresReconcileStore({ pool }) })
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
import type { Pool, QueryResultRow } from 'pg'
import { explainMissingTable, tableName } from './table'

export interface PostgresReconcileStoreOptions {
  readonly pool: Pick<Pool, 'query'>
  /** The inbox table it belongs to (default `airudder_inbox`); the tasks live in `<table>_reconcile_tasks`. */
  readonly table?: string | undefined
}

interface TaskRow {
  readonly task_id: string
  readonly state: TrackedTaskState
  readonly source: TaskSource
  readonly due_at: Date
  readonly attempts: number
  readonly last_seen_at: Date
  readonly last_error: string | null
  readonly report: unknown
  readonly updated_at: Date
}

const toTask = (row: TaskRow): TrackedTask => ({
  taskId: row.task_id,
  state: row.state,
  source: row.source,
  dueAt: row.due_at,
  attempts: row.attempts,
  lastSeenAt: row.last_seen_at,
  lastError: row.last_error ?? undefined,
  report: row.report === null ? undefined : reportFromJson(JSON.stringify(row.report)),
  updatedAt: row.updated_at,
})

export function createPostgresReconcileStore(options: PostgresReconcileStoreOptions): ReconcileStore {
  const inboxTable = tableName(options.table)
  const t = `${inboxTable}_reconcile_tasks`
  const query = async <R extends QueryResultRow>(text: string, values: unknown[]) => {
    try {
      return await options.pool.query<R>(text, values)
    } catch (error) {
      throw explainMissingTable(error, t)
    }
  }
  const held = `task_id = $1 AND attempts = $2 AND state = 'pulling'`
  return {
    async track(taskId, { source, dueAt, seenAt }) {
      // A task being pulled only records the sighting; any other is (again) pending at the new time.
      await query(
        `INSERT INTO ${t} AS t (task_id, state, source, due_at, attempts, last_seen_at)
         VALUES ($1, 'pending', $2, $3, 0, $4)
         ON CONFLICT (task_id) DO UPDATE SET
           due_at = CASE WHEN t.state = 'pulling' THEN t.due_at ELSE excluded.due_at END,
           state = CASE WHEN t.state = 'pulling' THEN t.state ELSE 'pending' END,
           last_seen_at = excluded.last_seen_at,
           updated_at = now()`,
        [taskId, source, dueAt, seenAt],
      )
    },
    async claim(limit, leaseMs) {
      const { rows } = await query<TaskRow>(
        `WITH due AS MATERIALIZED (
           SELECT task_id FROM ${t}
           WHERE state IN ('pending', 'pulling') AND due_at <= now()
           ORDER BY due_at, task_id LIMIT $1
           FOR UPDATE SKIP LOCKED
         )
         UPDATE ${t} AS t SET state = 'pulling', attempts = t.attempts + 1,
           due_at = now() + $2 * interval '1 millisecond', updated_at = now()
         FROM due WHERE t.task_id = due.task_id
         RETURNING t.*`,
        [Math.floor(limit), Math.max(0, leaseMs)],
      )
      return rows.map(toTask).sort((a, b) => a.taskId.localeCompare(b.taskId))
    },
    async settle(lease, report, nextAt) {
      const { rowCount } = await query(
        `UPDATE ${t} SET state = $3, due_at = coalesce($4, due_at), report = $5::jsonb, last_error = NULL,
           updated_at = now() WHERE ${held}`,
        [
          lease.taskId,
          lease.attempts,
          nextAt === null ? 'reconciled' : 'pending',
          nextAt,
          reportToJson(report),
        ],
      )
      return rowCount === 1
    },
    async fail(lease, error, retryAt) {
      const { rowCount } = await query(
        `UPDATE ${t} SET state = 'pending', due_at = $3, last_error = $4, updated_at = now() WHERE ${held}`,
        [lease.taskId, lease.attempts, retryAt, error],
      )
      return rowCount === 1
    },
    async get(taskId) {
      const { rows } = await query<TaskRow>(`SELECT * FROM ${t} WHERE task_id = $1`, [taskId])
      return rows[0] && toTask(rows[0])
    },
    async list(listOptions = {}) {
      const { rows } = await query<TaskRow>(
        `SELECT * FROM ${t} WHERE ($1::text IS NULL OR state = $1) ORDER BY updated_at DESC LIMIT $2`,
        [listOptions.state ?? null, listOptions.limit ?? 100],
      )
      return rows.map(toTask)
    },
  }
}
