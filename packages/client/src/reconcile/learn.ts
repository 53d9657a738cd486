/**
 * @module
 * What the reconciler learns from the events it sees: a call completion names its `TaskID`; a
 * workflow status notification names node tasks in `actions[].task_id` (with `task_status`); a
 * list completion names them in `rows[].task_id`. Recovered calls teach nothing (they came from
 * the pull). A finished or cancelled node task is due at once; the others after the quiet period.
 */
import type { Verification } from '../core'
import { isRecovered } from './recover'
import type { TaskSource } from './store'

export interface SeenEvent {
  readonly type: string
  readonly payload: unknown
  readonly verification: Verification
}

export interface Sighting {
  readonly taskId: string
  readonly source: TaskSource
  /** The notification says the task ended: pull now rather than after the quiet period. */
  readonly ended: boolean
}

const ENDED = /finish|complete|cancel|stop|end/i

const rowsOf = (payload: unknown, field: string): Record<string, unknown>[] => {
  const rows =
    typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[field] : undefined
  return Array.isArray(rows)
    ? rows.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null)
    : []
}

const taskIdOf = (row: Record<string, unknown>) =>
  typeof row.task_id === 'string' && row.task_id !== '' ? row.task_id : undefined

export function sightings(event: SeenEvent): Sighting[] {
  if (event.type === 'workflow.call.completed') {
    if (isRecovered(event)) return []
    const taskId = (event.payload as { TaskID?: unknown }).TaskID
    return typeof taskId === 'string' && taskId !== '' ? [{ taskId, source: 'push', ended: false }] : []
  }
  if (event.type === 'workflow.status.changed') {
    return rowsOf(event.payload, 'actions').flatMap((row) => {
      const taskId = taskIdOf(row)
      const ended = typeof row.task_status === 'string' && ENDED.test(row.task_status)
      return taskId ? [{ taskId, source: 'status' as const, ended }] : []
    })
  }
  if (event.type === 'workflow.list.completed') {
    return rowsOf(event.payload, 'rows').flatMap((row) => {
      const taskId = taskIdOf(row)
      return taskId ? [{ taskId, source: 'list' as const, ended: false }] : []
    })
  }
  return []
}
