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
import { idString, integer, openEnum } from './drift'

export const TASK_STATUSES = [
  'created',
  'pending',
  'calling',
  'paused',
  'finished',
  'canceled',
  'cancelled',
] as const

const TaskDetailData = z.looseObject({
  TaskID: z.string(),
  TaskName: z.string(),
  RobotMethod: z.string().optional(),
  RobotID: idString().optional(),
  SIPLine: z.string().optional(),
  Status: openEnum(TASK_STATUSES),
  ScheduleStartTime: z.string().optional(),
  ScheduleEndTime: z.string().optional(),
  RepeatInterval: integer().optional(),
  RepeatNumber: integer().optional(),
  detail: z.array(CallDetailSchema),
  workflow_id: z.string().optional(),
  workflow_name: z.string().optional(),
  nodetask_id: z.string().optional(),
  nodetask_name: z.string().optional(),
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
  status: z.string(),
  code: integer(),
})

export type TaskDetailResponse = z.output<typeof TaskDetailResponseSchema>

/** Parses a task-detail API response; throws a `ZodError` when invalid. */
export function parseTaskDetail(input: unknown): TaskDetailResponse {
  return TaskDetailResponseSchema.parse(input)
}
