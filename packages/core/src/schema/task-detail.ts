/**
 * @module
 * The pull API's task detail (`POST /service/cloud/workflow/taskdetail`), useful to reconcile
 * pushes that never arrived. Its `detail[]` parses to the same `CallDetail` as the push.
 *
 * ```ts
 * const res = await fetch(url, { method: 'POST', headers: { Authorization: `Token ${token}` }, body })
 * const { data } = parseTaskDetail(await res.json())
 * ```
 */
import { z } from 'zod'
import { CallDetailSchema } from './call-detail'
import { idString, integer, openEnum, optional, text } from './drift'

export const TASK_STATUSES = [
  'created',
  'pending',
  'calling',
  'paused',
  'finished',
  'canceled',
  'cancelled',
] as const

/**
 * The vendor marks every field required; only what identifies the task and its calls is required
 * here (a reconciler must not fail on a missing `SIPLine`), the rest may be absent or `null`.
 */
const TaskDetailData = z.looseObject({
  TaskID: idString(),
  TaskName: text(),
  RobotMethod: optional(openEnum(['single', 'group'])),
  RobotID: optional(idString()),
  SIPLine: optional(text()),
  Status: openEnum(TASK_STATUSES),
  ScheduleStartTime: optional(text()),
  ScheduleEndTime: optional(text()),
  RepeatInterval: optional(integer()),
  RepeatNumber: optional(integer()),
  detail: z.array(CallDetailSchema),
  workflow_id: optional(text()),
  workflow_name: optional(text()),
  nodetask_id: optional(text()),
  nodetask_name: optional(text()),
})

/** AIRudder's field list spells the workflow id `wokflow_id`; its example says `workflow_id`. */
function fixWorkflowIdSpelling(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('wokflow_id' in input) || 'workflow_id' in input)
    return input
  const { wokflow_id, ...rest } = input as Record<string, unknown>
  return { ...rest, workflow_id: wokflow_id }
}

export const TaskDetailResponseSchema = z.looseObject({
  data: z.preprocess(fixWorkflowIdSpelling, TaskDetailData),
  status: text(),
  code: integer(),
})

export type TaskDetailResponse = z.output<typeof TaskDetailResponseSchema>

/** Parses a task-detail API response; throws a `ZodError` when invalid. */
export function parseTaskDetail(input: unknown): TaskDetailResponse {
  return TaskDetailResponseSchema.parse(input)
}
