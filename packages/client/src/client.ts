/**
 * @module
 * `createAirudderClient({ token })`: AIRudder's pull API over Web `fetch` (Node 20+, Bun, Deno,
 * edge workers). `taskDetail(taskId)` returns the task and its calls as the same `CallDetail`
 * values the call-completion push gives.
 *
 * ```ts
 * const airudder = createAirudderClient({ token: async () => fetchMyToken() })
 * const { task, calls } = await airudder.taskDetail('1def98dc9c8c72449ab55d6ec22c2e68')
 * console.log(task.Status, calls.length)
 * ```
 *
 * Each request has a timeout; network errors, timeouts, 429 and 5xx are retried with exponential
 * backoff and jitter, other 4xx never; a 401 refreshes a token function's token and retries once.
 * Errors are `AirudderApiError`s naming the task; the token appears in no error and no log line.
 */

import {
  type CallDetail,
  type Logger,
  parseTaskDetail,
  type RetryOptions,
  retryDelay,
  type TaskDetailResponse,
} from './core'
import { AirudderApiError } from './errors'
import { type TokenSource, tokenFrom } from './token'

export const DEFAULT_BASE_URL = 'https://api.airudder.com'
export const TASK_DETAIL_PATH = '/service/cloud/workflow/taskdetail'

export interface AirudderClientOptions {
  /** The API token (sent as `Authorization: Token …`), or a function returning one (called again after a 401). */
  readonly token: TokenSource
  /** Default `https://api.airudder.com`. */
  readonly baseUrl?: string | undefined
  /** Per request. Default 10,000 ms. */
  readonly timeoutMs?: number | undefined
  /** Retries after the first attempt for network errors, timeouts, 429 and 5xx. Default 3. */
  readonly retries?: number | undefined
  /** Backoff between retries. Default 500 ms doubling to 30 s, half of it jittered. */
  readonly retry?: RetryOptions | undefined
  /** Default the global `fetch`. */
  readonly fetch?: typeof fetch | undefined
  /** Where retries are logged (never the token). Default none. */
  readonly logger?: Logger | undefined
}

type TaskData = TaskDetailResponse['data']

/** The task as the pull API describes it, without its calls (`Omit` would lose the named fields of a loose object). */
export type TaskInfo = { [K in keyof TaskData as K extends 'detail' ? never : K]: TaskData[K] }

export interface TaskDetail {
  readonly task: TaskInfo
  /** Every call of the task, parsed like the push's `Details[]`. */
  readonly calls: readonly CallDetail[]
}

export interface AirudderClient {
  readonly baseUrl: string
  taskDetail(taskId: string, options?: { readonly signal?: AbortSignal | undefined }): Promise<TaskDetail>
}

const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })

const RETRY_DEFAULTS: RetryOptions = { baseMs: 500, maxMs: 30_000, jitter: 0.5 }

/** AIRudder answers 200 with `code` in the body; a body code of 401/429/5xx means what the status would. */
function effectiveStatus(httpStatus: number, json: unknown): number {
  const code = typeof json === 'object' && json !== null ? (json as { code?: unknown }).code : undefined
  const bodyCode = typeof code === 'number' ? code : typeof code === 'string' ? Number(code) : Number.NaN
  return httpStatus === 200 && Number.isInteger(bodyCode) && bodyCode !== 200 ? bodyCode : httpStatus
}

const retryable = (status: number) => status === 429 || status >= 500

function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get('retry-after')
  const seconds = value === null ? Number.NaN : Number(value)
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined
}

export function createAirudderClient(options: AirudderClientOptions): AirudderClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '')
  const url = `${baseUrl}${TASK_DETAIL_PATH}`
  const timeoutMs = options.timeoutMs ?? 10_000
  const retries = options.retries ?? 3
  const retry = options.retry ?? RETRY_DEFAULTS
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  const token = tokenFrom(options.token)

  async function taskDetail(taskId: string, call: { readonly signal?: AbortSignal | undefined } = {}) {
    if (typeof taskId !== 'string' || taskId === '') {
      throw new TypeError('@airudder-webhooks/client: taskDetail needs a task id (a non-empty string)')
    }
    const where = `taskdetail for task ${taskId}`
    let attempts = 0
    let refreshed = false
    for (;;) {
      attempts++
      let failure: {
        message: string
        status?: number | undefined
        cause?: unknown
        waitMs?: number | undefined
      }
      try {
        const sent = await token.get().catch((cause) => {
          throw new AirudderApiError('unavailable', `${where}: the token function failed`, {
            taskId,
            attempts,
            cause,
          })
        })
        const signal = call.signal
          ? AbortSignal.any([call.signal, AbortSignal.timeout(timeoutMs)])
          : AbortSignal.timeout(timeoutMs)
        const response = await doFetch(url, {
          method: 'POST',
          headers: {
            authorization: `Token ${sent}`,
            'content-type': 'application/json',
            'user-agent': 'Airudder',
          },
          body: JSON.stringify({ task_id: taskId }),
          signal,
        })
        const text = await response.text()
        let json: unknown
        try {
          json = JSON.parse(text)
        } catch {
          json = undefined
        }
        const status = effectiveStatus(response.status, json)
        if (status === 401 || status === 403) {
          if (!refreshed && (await token.refresh(sent))) {
            refreshed = true
            attempts--
            continue
          }
          throw new AirudderApiError(
            'unauthorized',
            `${where} was refused (${status}); check the API token${refreshed ? ' (a fresh one was refused too)' : ''}`,
            { taskId, status, attempts },
          )
        }
        if (retryable(status)) {
          failure = { message: `AIRudder answered ${status}`, status, waitMs: retryAfterMs(response) }
        } else if (status < 200 || status >= 300) {
          throw new AirudderApiError('rejected', `${where} was rejected (${status}); check the task id`, {
            taskId,
            status,
            attempts,
          })
        } else {
          return toTaskDetail(json, taskId, attempts)
        }
      } catch (thrown) {
        if (thrown instanceof AirudderApiError && thrown.code !== 'unavailable') throw thrown
        if (call.signal?.aborted) throw call.signal.reason
        const timedOut = thrown instanceof Error && thrown.name === 'TimeoutError'
        const message =
          thrown instanceof AirudderApiError
            ? 'the token function failed'
            : timedOut
              ? `no answer within ${timeoutMs} ms`
              : 'the request failed'
        failure = { message, cause: thrown }
      }
      if (attempts > retries) {
        throw new AirudderApiError(
          'unavailable',
          `${where} failed after ${attempts} attempt(s): ${failure.message}; try again later`,
          { taskId, status: failure.status, attempts, cause: failure.cause },
        )
      }
      const delay = Math.max(failure.waitMs ?? 0, retryDelay(attempts, retry))
      options.logger?.warn(`${where}: ${failure.message}; retry ${attempts} of ${retries} in ${delay} ms`)
      await sleep(Math.min(delay, retry.maxMs ?? 30_000), call.signal)
    }
  }

  return { baseUrl, taskDetail }
}

function toTaskDetail(json: unknown, taskId: string, attempts: number): TaskDetail {
  let parsed: TaskDetailResponse
  try {
    parsed = parseTaskDetail(json)
  } catch (cause) {
    const issues =
      cause instanceof Error && 'issues' in cause
        ? (cause.issues as { path: PropertyKey[] }[])
            .slice(0, 5)
            .map((issue) => issue.path.map(String).join('.') || '(root)')
            .join(', ')
        : 'not JSON'
    throw new AirudderApiError(
      'invalid_response',
      `taskdetail for task ${taskId}: the answer is not a task detail (at ${issues})`,
      { taskId, status: 200, attempts },
    )
  }
  const { detail, ...task } = parsed.data
  return { task, calls: detail }
}
