/**
 * @module
 * One task's recovery: every call the pull API returned becomes the `workflow.call.completed`
 * delivery AIRudder would have pushed for it (one call in `Details`), with the idempotency id core
 * gives that push: `workflow.call.completed:<TaskID>/<CallID>`. Calls whose id is already in the
 * inbox reached it (by push, or by an earlier recovery) and are only counted; the others are added
 * to the inbox, marked `verification: { status: 'verified', method: 'pull-api' }`, and run by the
 * inbox processor like any push. The inbox adds each id once, so a push racing the recovery, a
 * second reconciler or a second pull never makes a second entry.
 */
import type { TaskDetail } from '../client'
import { type CallDetail, type Inbox, md5Hex, parse, type Verification } from '../core'
import type { ReconcileReport } from './store'

/** How recovered calls are marked: the inbox stores it, handlers read it as `event.verification`. */
export const PULL_API_VERIFICATION = {
  status: 'verified',
  method: 'pull-api',
} as const satisfies Verification

/** Whether an event (or inbox entry) was recovered from the pull API rather than pushed. */
export function isRecovered(event: { readonly verification: Verification }): boolean {
  return (
    event.verification.status === 'verified' && event.verification.method === PULL_API_VERIFICATION.method
  )
}

/**
 * The body AIRudder would have pushed for one call. `Sign` is md5(TaskID + key) when the key is
 * given, empty otherwise (recovered entries are not verified again: they came from the API).
 */
export function recoveredBody(task: TaskDetail['task'], call: CallDetail, key?: string): string {
  return JSON.stringify({
    workflow_id: task.workflow_id ?? '',
    workflow_name: task.workflow_name ?? '',
    nodetask_id: task.nodetask_id ?? '',
    nodetask_name: task.nodetask_name ?? '',
    TaskID: task.TaskID,
    TaskName: task.TaskName,
    Sign: key === undefined ? '' : md5Hex(task.TaskID + key),
    Details: [call],
  })
}

/** The push's idempotency id for a body, as core derives it. */
export function deliveryId(body: string): string {
  const parsed = parse(body)
  if (!parsed.ok) throw new Error('@airudder-webhooks/client: a recovered call does not parse as a push')
  return parsed.event.id
}

export interface RecoverOptions {
  readonly dryRun?: boolean | undefined
  readonly key?: string | undefined
  readonly now?: Date | undefined
}

/** Feeds the calls the inbox lacks; returns the discrepancy. */
export async function recoverTask(
  inbox: Inbox,
  detail: TaskDetail,
  options: RecoverOptions = {},
): Promise<ReconcileReport> {
  const now = options.now ?? new Date()
  let pushed = 0
  let recovered = 0
  let missing = 0
  let handled = 0
  const recoveredCallIds: string[] = []
  const entryIds: string[] = []
  for (const call of detail.calls) {
    const raw = recoveredBody(detail.task, call, options.key)
    const id = deliveryId(raw)
    entryIds.push(id)
    let entry = await inbox.get(id)
    if (entry === undefined && !options.dryRun) {
      const added = await inbox.add({
        id,
        type: 'workflow.call.completed',
        raw,
        receivedAt: now,
        verification: PULL_API_VERIFICATION,
      })
      if (added === 'stored') {
        recovered++
        recoveredCallIds.push(call.CallID)
        continue
      }
      // A push (or another reconciler) stored it while this one was pulling.
      entry = await inbox.get(id)
    }
    if (entry === undefined) {
      missing++
      if (options.dryRun) recoveredCallIds.push(call.CallID)
      continue
    }
    if (isRecovered(entry)) recovered++
    else pushed++
    if (entry.status === 'done') handled++
  }
  return {
    taskId: detail.task.TaskID,
    taskStatus: detail.task.Status,
    pulledAt: now,
    pulled: detail.calls.length,
    pushed,
    recovered,
    missing,
    handled,
    recoveredCallIds,
    entryIds,
  }
}

/** The report recounted from the inbox now (how many of its calls are handled, by which way they came). */
export async function recount(inbox: Inbox, report: ReconcileReport): Promise<ReconcileReport> {
  let pushed = 0
  let recovered = 0
  let missing = 0
  let handled = 0
  for (const id of report.entryIds) {
    const entry = await inbox.get(id)
    if (entry === undefined) missing++
    else if (isRecovered(entry)) recovered++
    else pushed++
    if (entry?.status === 'done') handled++
  }
  return { ...report, pushed, recovered, missing, handled }
}
