/**
 * @module
 * The simulator's tasks and calls, and the two shapes AIRudder gives a call: the push's
 * (`CaseID`, amounts as strings such as `"20000.00"`, `Variables`) and the pull API's (`case_id`,
 * amounts as numbers). Both parse to the same `CallDetail`. Names and numbers are invented.
 */
import { buildEvent, signDelivery } from '@airudder-webhooks/core/testing'

export interface SimulatedCall {
  readonly CallID: string
  readonly id: number
  readonly Intention: string
  readonly CaseID: string
  /** Fields to add or override in both shapes. */
  readonly extra?: Readonly<Record<string, unknown>>
}

export type TaskStatus = 'created' | 'pending' | 'calling' | 'paused' | 'finished' | 'canceled'

export interface SimulatedTask {
  readonly TaskID: string
  readonly TaskName: string
  readonly workflow_id: string
  readonly nodetask_id: string
  status: TaskStatus
  readonly calls: SimulatedCall[]
}

const template = buildEvent('workflow.call.completed')
const { Details: templateDetails, ...templateTask } = template
const {
  AsrResult: _asr,
  RedailCall: _redials,
  ...templateCall
} = templateDetails[0] as Record<string, unknown>

const INTENTIONS = ['A', 'B', 'C', 'D', 'E', 'F']

/** A deterministic call for index `n` of a task. */
export function simulatedCall(
  taskId: string,
  n: number,
  extra?: Readonly<Record<string, unknown>>,
): SimulatedCall {
  return {
    CallID: `${taskId}-call-${String(n).padStart(5, '0')}`,
    id: 1_000_000 + n,
    Intention: INTENTIONS[n % INTENTIONS.length] ?? 'E',
    CaseID: `case-${taskId}-${n}`,
    ...(extra === undefined ? {} : { extra }),
  }
}

function baseCall(call: SimulatedCall) {
  return {
    ...templateCall,
    id: call.id,
    CalleeName: `Callee ${call.id}`,
    CalleeNumber: `+000${call.id}`,
    CallID: call.CallID,
    Intention: call.Intention,
    Comments: call.CaseID,
  }
}

/** The call as the push's `Details[]` entry. */
export function pushedCall(call: SimulatedCall): Record<string, unknown> {
  return { ...baseCall(call), CaseID: call.CaseID, ...call.extra }
}

/** The call as the pull API's `detail[]` entry. */
export function pulledCall(call: SimulatedCall): Record<string, unknown> {
  const { Variables: _variables, CaseID: _caseId, ...rest } = baseCall(call) as Record<string, unknown>
  return {
    ...rest,
    BorrowedAmount: Number(rest.BorrowedAmount),
    TotalOwingAmount: Number(rest.TotalOwingAmount),
    case_id: call.CaseID,
    ...call.extra,
  }
}

/** The signed body AIRudder pushes for one call: `Sign` = md5(TaskID + KEY). */
export function pushBody(task: SimulatedTask, call: SimulatedCall, key: string): string {
  const payload = {
    ...templateTask,
    workflow_id: task.workflow_id,
    nodetask_id: task.nodetask_id,
    TaskID: task.TaskID,
    TaskName: task.TaskName,
    Details: [pushedCall(call)],
  }
  return signDelivery(payload, { key, scheme: 'md5' }).body
}

/** The pull API's answer for a task. */
export function taskDetailResponse(task: SimulatedTask) {
  return {
    data: {
      TaskID: task.TaskID,
      TaskName: task.TaskName,
      RobotMethod: 'single',
      RobotID: 'sim-robot',
      SIPLine: 'SIM_LINE',
      Status: task.status,
      ScheduleStartTime: '2026-01-01T08:00:00Z',
      ScheduleEndTime: '2026-01-01T09:00:00Z',
      RepeatInterval: 0,
      RepeatNumber: 3,
      detail: task.calls.map(pulledCall),
      workflow_id: task.workflow_id,
      workflow_name: templateTask.workflow_name,
      nodetask_id: task.nodetask_id,
      nodetask_name: templateTask.nodetask_name,
    },
    status: 'OK',
    code: 200,
  }
}
