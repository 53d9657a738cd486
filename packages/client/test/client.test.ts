import { parse } from '@airudder-webhooks/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AirudderApiError, createAirudderClient } from '../src/index'
import { createSimulator } from '../src/simulator/index'

const airudder = createSimulator({ key: 'test-key', token: 'secret-token-1' })
const task = airudder.addTask({ taskId: 'task-a', calls: 3, status: 'calling' })
let baseUrl: string
const fast = { retries: 3, retry: { baseMs: 5, maxMs: 20, jitter: 0.5 } }

beforeAll(async () => {
  baseUrl = await airudder.listen()
})
afterAll(() => airudder.close())

const pullsSince = (before: number) => airudder.pulls.slice(before).map((pull) => pull.status)

describe('taskDetail', () => {
  it('returns the task and the same CallDetail values the push gives', async () => {
    const client = createAirudderClient({ token: airudder.token, baseUrl })
    const { task: info, calls } = await client.taskDetail('task-a')
    expect(info).toMatchObject({ TaskID: 'task-a', Status: 'calling', workflow_id: 'wf-task-a' })
    expect(info).not.toHaveProperty('detail')
    expect(calls.map((call) => call.CallID)).toEqual(task.calls.map((call) => call.CallID))
    const pushed = parse(airudder.pushBody('task-a', task.calls[1]!.CallID))
    if (!pushed.ok || pushed.event.type !== 'workflow.call.completed') throw new Error('push did not parse')
    const { Variables: _pushOnly, ...fromPush } = pushed.event.payload.Details[0]!
    expect(calls[1]).toEqual(fromPush)
    expect(calls[1]?.BorrowedAmount).toBe('20000')
  })

  it('retries 500s with backoff and then answers', async () => {
    const before = airudder.pulls.length
    airudder.failPulls({ status: 500 }, { status: 503 })
    const client = createAirudderClient({ token: airudder.token, baseUrl, ...fast })
    const { calls } = await client.taskDetail('task-a')
    expect(calls).toHaveLength(3)
    expect(pullsSince(before)).toEqual([500, 503, 200])
  })

  it('retries a 429 and a request that timed out', async () => {
    const before = airudder.pulls.length
    airudder.failPulls({ status: 429 }, { delayMs: 4000 })
    const client = createAirudderClient({ token: airudder.token, baseUrl, timeoutMs: 1500, ...fast })
    const { calls } = await client.taskDetail('task-a')
    expect(calls).toHaveLength(3)
    // The timed-out request is answered (late) after the retry that succeeded.
    expect(pullsSince(before).sort()).toEqual([200, 200, 429])
  })

  it('never retries another 4xx, and names the task', async () => {
    const before = airudder.pulls.length
    airudder.failPulls({ status: 400 })
    const client = createAirudderClient({ token: airudder.token, baseUrl, ...fast })
    const error = await client.taskDetail('task-a').catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(AirudderApiError)
    expect(error).toMatchObject({ code: 'rejected', status: 400, taskId: 'task-a', attempts: 1 })
    expect((error as Error).message).toMatch(
      /^@airudder-webhooks\/client: taskdetail for task task-a was rejected/,
    )
    expect(pullsSince(before)).toEqual([400])
  })

  it('gives up after its retries with an error that carries no token', async () => {
    const before = airudder.pulls.length
    airudder.failPulls({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 })
    const logged: string[] = []
    const logger = { warn: (line: string) => logged.push(line), error: (line: string) => logged.push(line) }
    const client = createAirudderClient({ token: airudder.token, baseUrl, logger, ...fast })
    const error = await client.taskDetail('task-a').catch((thrown: unknown) => thrown)
    expect(error).toMatchObject({ code: 'unavailable', status: 500, attempts: 4, taskId: 'task-a' })
    expect(pullsSince(before)).toEqual([500, 500, 500, 500])
    expect(logged).toHaveLength(3)
    for (const text of [...logged, (error as Error).message, JSON.stringify(error)]) {
      expect(text).not.toContain('secret-token')
    }
  })

  it('retries network errors', async () => {
    const down = createSimulator()
    const url = await down.listen()
    await down.close()
    const client = createAirudderClient({ token: 't', baseUrl: url, ...fast, retries: 2 })
    await expect(client.taskDetail('task-a')).rejects.toMatchObject({
      code: 'unavailable',
      attempts: 3,
      status: undefined,
    })
  })

  it('refreshes a token function once on 401 and retries', async () => {
    const asked: boolean[] = []
    const client = createAirudderClient({
      baseUrl,
      token: async ({ refresh }) => {
        asked.push(refresh)
        return airudder.token
      },
    })
    await client.taskDetail('task-a')
    await client.taskDetail('task-a')
    expect(asked).toEqual([false])
    const before = airudder.pulls.length
    airudder.rotateToken()
    const { calls } = await client.taskDetail('task-a')
    expect(calls).toHaveLength(3)
    expect(asked).toEqual([false, true])
    expect(pullsSince(before)).toEqual([401, 200])
  })

  it('reports a refused token as unauthorized without retrying a fixed string', async () => {
    const before = airudder.pulls.length
    const client = createAirudderClient({ token: 'secret-token-old', baseUrl, ...fast })
    const error = await client.taskDetail('task-a').catch((thrown: unknown) => thrown)
    expect(error).toMatchObject({ code: 'unauthorized', status: 401, taskId: 'task-a' })
    expect((error as Error).message).not.toContain('secret-token-old')
    expect(pullsSince(before)).toEqual([401])
  })

  it('stops after one refresh when the fresh token is refused too', async () => {
    const before = airudder.pulls.length
    const client = createAirudderClient({ token: async () => 'secret-token-wrong', baseUrl, ...fast })
    const error = await client.taskDetail('task-a').catch((thrown: unknown) => thrown)
    expect(error).toMatchObject({ code: 'unauthorized' })
    expect((error as Error).message).toContain('a fresh one was refused too')
    expect(pullsSince(before)).toEqual([401, 401])
  })

  it('says which fields are wrong when the answer is not a task detail', async () => {
    const client = createAirudderClient({
      token: 't',
      baseUrl,
      fetch: async () => Response.json({ data: { TaskID: 'task-a' }, status: 'OK', code: 200 }),
    })
    const error = await client.taskDetail('task-a').catch((thrown: unknown) => thrown)
    expect(error).toMatchObject({ code: 'invalid_response', taskId: 'task-a' })
    expect((error as Error).message).toContain('data.TaskName')
  })

  it('posts the documented request to the configured base URL', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = []
    const client = createAirudderClient({
      token: 'tok',
      baseUrl: `${baseUrl}/`,
      fetch: async (input, init) => {
        seen.push({ url: String(input), init })
        return fetch(input, {
          ...init,
          headers: { ...(init?.headers as object), authorization: `Token ${airudder.token}` },
        })
      },
    })
    await client.taskDetail('task-a')
    expect(seen[0]?.url).toBe(`${baseUrl}/service/cloud/workflow/taskdetail`)
    expect(seen[0]?.init).toMatchObject({ method: 'POST', body: '{"task_id":"task-a"}' })
    expect((seen[0]!.init!.headers as Record<string, string>).authorization).toBe('Token tok')
    expect(createAirudderClient({ token: 't' }).baseUrl).toBe('https://api.airudder.com')
  })
})
