/**
 * @module
 * `createSimulator()`: a stand-in for AIRudder in integration tests. It holds tasks with their
 * calls, serves the pull API as documented, and pushes each call to your receiver under AIRudder's
 * delivery contract (10 s answer window, five retries one minute apart, then dropped). `timeScale`
 * compresses that time: with `timeScale: 600`, a one-minute retry interval lasts 100 ms.
 *
 * ```ts
 * import { createSimulator } from '@airudder-webhooks/client/simulator'
 * const airudder = createSimulator({ key: 'test-key', timeScale: 600 })
 * airudder.addTask({ calls: 50 })
 * const apiUrl = await airudder.listen()          // createAirudderClient({ baseUrl: apiUrl, token: airudder.token })
 * const report = await airudder.push('http://127.0.0.1:3000/airudder')
 * report.filter((d) => d.outcome === 'dropped')  // what only reconciliation can recover
 * ```
 */

import { pushBody, type SimulatedCall, type SimulatedTask, simulatedCall, type TaskStatus } from './calls'
import { handlePull, type PullFault, type PullRecord } from './pull-api'
import { type AttemptOutcome, attempt, type DeliveryRecord, type PushContract, push, semaphore } from './push'
import { type Served, serve } from './serve'

export interface SimulatorOptions {
  /** The KEY for the body `Sign`. Default `'airudder'` (AIRudder's default). */
  readonly key?: string | undefined
  /** The API token the pull API accepts. Default `'simulator-token'`. */
  readonly token?: string | undefined
  /** How many times faster than real time the push contract runs. Default 1. */
  readonly timeScale?: number | undefined
  /**
   * The answer window in real ms. Default 10 s divided by `timeScale`, but at least 2 s: a shorter
   * window would time out healthy receivers on a busy machine.
   */
  readonly answerWindowMs?: number | undefined
  /** Push requests in flight at once. Default 16. */
  readonly concurrency?: number | undefined
}

export interface AddTaskOptions {
  /** Default `task-<n>`. */
  readonly taskId?: string | undefined
  /** How many calls, or extra fields per call. Default 10. */
  readonly calls?: number | readonly Readonly<Record<string, unknown>>[] | undefined
  /** Default `finished`. */
  readonly status?: TaskStatus | undefined
}

export interface PushOptions {
  readonly taskIds?: readonly string[] | undefined
  /** Which calls to push (`index` is the call's position in its task). Default all. */
  readonly select?: ((task: SimulatedTask, call: SimulatedCall, index: number) => boolean) | undefined
}

export interface Simulator {
  readonly key: string
  /** A token the pull API accepts now (changes with `rotateToken`). */
  readonly token: string
  readonly contract: PushContract
  /** The pull API's base URL once listening. */
  readonly url: string | undefined
  addTask(options?: AddTaskOptions): SimulatedTask
  task(taskId: string): SimulatedTask | undefined
  readonly tasks: readonly SimulatedTask[]
  /** The signed body AIRudder would push for one call. */
  pushBody(taskId: string, callId: string): string
  /**
   * Pushes every call (of the given tasks, or all; those `select` keeps) under the contract;
   * resolves once each is delivered or dropped.
   */
  push(url: string, options?: PushOptions): Promise<DeliveryRecord[]>
  /** One push attempt for one call, no retries. */
  deliverOnce(url: string, taskId: string, callId: string): Promise<AttemptOutcome>
  /** Faults for the next pull requests, in order. */
  failPulls(...faults: PullFault[]): void
  /** Runs while a successful pull is being answered (after it was read). */
  onPull(hook: ((taskId: string) => void | Promise<void>) | undefined): void
  /** Replaces the token: requests with the old one are answered 401. Returns the new one. */
  rotateToken(): string
  /** Every pull request answered so far. */
  readonly pulls: readonly PullRecord[]
  /** The pull API as a Web handler (also what `listen` serves). */
  handle(request: Request): Promise<Response>
  listen(port?: number, host?: string): Promise<string>
  close(): Promise<void>
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const key = options.key ?? 'airudder'
  const timeScale = options.timeScale ?? 1
  if (!(timeScale > 0)) throw new TypeError('@airudder-webhooks/client/simulator: timeScale must be positive')
  const contract: PushContract = {
    answerWindowMs: options.answerWindowMs ?? Math.max(10_000 / timeScale, 2000),
    retryIntervalMs: 60_000 / timeScale,
    retries: 5,
  }
  const slots = semaphore(options.concurrency ?? 16)
  const tasks = new Map<string, SimulatedTask>()
  let token = options.token ?? 'simulator-token'
  let rotations = 0
  const tokens = new Set([token])
  const faults: PullFault[] = []
  const pulls: PullRecord[] = []
  const closing = new AbortController()
  let hook: ((taskId: string) => void | Promise<void>) | undefined
  let served: Served | undefined

  const find = (taskId: string, callId: string): [SimulatedTask, SimulatedCall] => {
    const task = tasks.get(taskId)
    const call = task?.calls.find((candidate) => candidate.CallID === callId)
    if (!task || !call)
      throw new Error(`@airudder-webhooks/client/simulator: no call ${callId} in task ${taskId}`)
    return [task, call]
  }

  const handle = (request: Request) =>
    handlePull({ tasks, tokens, faults, pulls, onPull: hook, closed: closing.signal }, request)

  return {
    key,
    get token() {
      return token
    },
    contract,
    get url() {
      return served?.url
    },
    addTask(task = {}) {
      const taskId = task.taskId ?? `task-${tasks.size + 1}`
      if (tasks.has(taskId))
        throw new Error(`@airudder-webhooks/client/simulator: task ${taskId} exists already`)
      const extras =
        typeof task.calls === 'object'
          ? task.calls
          : Array.from({ length: task.calls ?? 10 }, () => undefined)
      const created: SimulatedTask = {
        TaskID: taskId,
        TaskName: `Simulated ${taskId}`,
        workflow_id: `wf-${taskId}`,
        nodetask_id: `node-${taskId}`,
        status: task.status ?? 'finished',
        calls: extras.map((extra, n) => simulatedCall(taskId, n, extra)),
      }
      tasks.set(taskId, created)
      return created
    },
    task: (taskId) => tasks.get(taskId),
    get tasks() {
      return [...tasks.values()]
    },
    pushBody(taskId, callId) {
      const [task, call] = find(taskId, callId)
      return pushBody(task, call, key)
    },
    push(url, pushOptions = {}) {
      const chosen = pushOptions.taskIds?.map((id) => {
        const task = tasks.get(id)
        if (!task) throw new Error(`@airudder-webhooks/client/simulator: no task ${id}`)
        return task
      }) ?? [...tasks.values()]
      const select = pushOptions.select ?? (() => true)
      const targets = chosen.flatMap((task) =>
        task.calls
          .filter((call, index) => select(task, call, index))
          .map((call) => ({
            url,
            taskId: task.TaskID,
            callId: call.CallID,
            body: pushBody(task, call, key),
          })),
      )
      return Promise.all(targets.map((target) => push(target, contract, slots)))
    },
    deliverOnce(url, taskId, callId) {
      const [task, call] = find(taskId, callId)
      return attempt(url, pushBody(task, call, key), contract.answerWindowMs)
    },
    failPulls: (...added) => void faults.push(...added),
    onPull(added) {
      hook = added
    },
    rotateToken() {
      tokens.clear()
      rotations++
      token = `${options.token ?? 'simulator-token'}-${rotations}`
      tokens.add(token)
      return token
    },
    pulls,
    handle,
    async listen(port, host) {
      served ??= await serve(handle, port, host)
      return served.url
    },
    async close() {
      closing.abort()
      await served?.close()
    },
  }
}
