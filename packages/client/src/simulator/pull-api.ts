/**
 * @module
 * The simulator's pull API as a Web handler: `POST /service/cloud/workflow/taskdetail` with
 * `Authorization: Token …` and `{ "task_id" }`, answered as AIRudder documents. Faults queued with
 * `failPulls` are applied to the next requests in order: a status, a delay (longer than the
 * client's timeout to make it time out), or a delay before the normal answer.
 */
import { TASK_DETAIL_PATH } from '../client'
import { type SimulatedTask, taskDetailResponse } from './calls'

/** `status`: answer it (no data); `delayMs`: wait, then answer normally (or whatever `status` says). */
export interface PullFault {
  readonly status?: number | undefined
  readonly delayMs?: number | undefined
}

export interface PullRecord {
  readonly taskId: string | undefined
  readonly status: number
}

export interface PullApiState {
  readonly tasks: ReadonlyMap<string, SimulatedTask>
  readonly tokens: ReadonlySet<string>
  readonly faults: PullFault[]
  readonly pulls: PullRecord[]
  /** Called once a pull has been read and is about to be answered (tests hook "push during the pull" here). */
  readonly onPull?: ((taskId: string) => void | Promise<void>) | undefined
  /** Aborted when the simulator closes, so delayed answers end. */
  readonly closed: AbortSignal
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    })
  })

export async function handlePull(state: PullApiState, request: Request): Promise<Response> {
  const { pathname } = new URL(request.url)
  if (pathname !== TASK_DETAIL_PATH) return json(404, { status: 'Not Found', code: 404 })
  if (request.method !== 'POST') return json(405, { status: 'Method Not Allowed', code: 405 })
  let taskId: string | undefined
  try {
    const body = (await request.json()) as { task_id?: unknown }
    taskId = typeof body.task_id === 'string' ? body.task_id : undefined
  } catch {
    taskId = undefined
  }
  const fault = state.faults.shift()
  const [status, body] = await outcome(state, request, taskId, fault)
  state.pulls.push({ taskId, status })
  // Recorded when read, answered after any delay: a delay longer than the client's timeout is a timeout.
  if (fault?.delayMs !== undefined) await sleep(fault.delayMs, state.closed)
  return json(status, body)
}

async function outcome(
  state: PullApiState,
  request: Request,
  taskId: string | undefined,
  fault: PullFault | undefined,
): Promise<[number, unknown]> {
  if (fault?.status !== undefined) return [fault.status, { status: 'Simulated failure', code: fault.status }]
  const authorization = request.headers.get('authorization') ?? ''
  const token = authorization.startsWith('Token ') ? authorization.slice('Token '.length) : ''
  if (!state.tokens.has(token)) return [401, { status: 'Unauthorized', code: 401 }]
  if (taskId === undefined) return [400, { status: 'task_id is required', code: 400 }]
  const task = state.tasks.get(taskId)
  if (task === undefined) return [404, { status: 'Task not found', code: 404 }]
  await state.onPull?.(taskId)
  return [200, taskDetailResponse(task)]
}
