/**
 * `simulate` and `reconcile`, as the built binary, against receivers on loopback: the simulator
 * pushes with AIRudder's contract and serves the pull API; reconcile prints a task's discrepancy
 * with a SQLite inbox and posts only what is missing, which the receiver runs once.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { createAirudderClient } from '@airudder-webhooks/client'
import { createSimulator } from '@airudder-webhooks/client/simulator'
import { waitFor } from '@airudder-webhooks/conformance'
import { createWebhooks, type Inbox } from '@airudder-webhooks/core'
import { createNodeHandler } from '@airudder-webhooks/core/node'
import { createSqliteInbox } from '@airudder-webhooks/sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { BIN, cli, KEY, PATH, tempFiles } from './helpers'

const servers: Server[] = []
afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))))

/** A receiver counting handler runs per CallID; with `inbox`, it stores first and processes after. */
async function receiver(inbox?: Inbox) {
  const webhooks = createWebhooks({ key: KEY, logger: false, inbox, processing: { pollMs: 20 } })
  const runs = new Map<string, number>()
  webhooks.on('workflow.call.completed', (event) => {
    for (const call of event.payload.Details) runs.set(call.CallID, (runs.get(call.CallID) ?? 0) + 1)
  })
  const server = createServer(createNodeHandler(webhooks))
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { webhooks, runs, url: `http://127.0.0.1:${port}${PATH}` }
}

describe('simulate', () => {
  it('pushes every call with a valid Sign and serves the pull API until stopped', async () => {
    const { runs, url } = await receiver()
    const child = spawn(
      process.execPath,
      [
        BIN,
        'simulate',
        '--push-url',
        url,
        '--tasks',
        '2',
        '--calls',
        '3',
        '--key',
        KEY,
        '--time-scale',
        '600',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
    })
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve))
    try {
      await waitFor('the pushes', () => stdout.includes('serving the pull API'), 20_000)
      expect(stdout).toContain('delivered 6, dropped 0 (retried 0)')
      expect([...runs.values()]).toEqual([1, 1, 1, 1, 1, 1])
      const api = /pull API (\S+)\/service\/cloud\/workflow\/taskdetail \(Authorization: Token (\S+)\)/.exec(
        stdout,
      )
      const client = createAirudderClient({ baseUrl: api![1], token: api![2]! })
      const { task, calls } = await client.taskDetail('task-2')
      expect(task.Status).toBe('finished')
      expect(calls.map((call) => call.CallID)).toEqual(
        [...runs.keys()].filter((id) => id.startsWith('task-2-')),
      )
    } finally {
      child.kill('SIGINT')
    }
    expect(await exited).toBe(0)
  })

  it('drops what a dead receiver never answers, after five retries, and exits 1', async () => {
    const result = await cli([
      'simulate',
      '--push-url',
      'http://127.0.0.1:9/nothing-listens',
      '--tasks',
      '1',
      '--calls',
      '2',
      '--time-scale',
      '600',
      '--exit',
    ])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('delivered 0, dropped 2 (retried 2)')
    expect(result.stdout).toContain(
      'dropped task-1 task-1-call-00000: refused, refused, refused, refused, refused, refused',
    )
  })
})

describe('reconcile', () => {
  const airudder = createSimulator({ key: KEY, token: 'cli-api-token' })
  afterAll(() => airudder.close())

  it('prints the discrepancy with the inbox and posts only the missing calls, which run once', async () => {
    const apiUrl = await airudder.listen()
    const task = airudder.addTask({ taskId: 'cli-task', calls: 4 })
    const path = join(tempFiles({}), 'inbox.db')
    const { webhooks, runs, url } = await receiver(createSqliteInbox({ path }))
    expect(await airudder.deliverOnce(url, 'cli-task', task.calls[0]!.CallID)).toBe(200)
    await webhooks.processor!.drain()
    const args = [
      'reconcile',
      '--task',
      'cli-task',
      '--inbox',
      `sqlite:${path}`,
      '--api-url',
      apiUrl,
      '--key',
      KEY,
    ]
    const env = { AIRUDDER_API_TOKEN: 'cli-api-token' }

    const dry = await cli([...args, '--dry-run'], { env })
    expect(dry).toMatchObject({ code: 0, stderr: '' })
    expect(dry.stdout).toBe('cli-task  finished  pulled 4  pushed 1  recovered 0  missing 3  handled 1\n')

    const posted = await cli([...args, '--url', url], { env })
    expect(posted).toMatchObject({ code: 0, stderr: '' })
    expect(posted.stdout).toContain(`  posted 3 call(s) to ${url}: 3 accepted`)
    await webhooks.processor!.drain()
    expect(runs).toEqual(new Map(task.calls.map((call) => [call.CallID, 1])))

    const again = await cli([...args, '--url', url], { env })
    expect(again.stdout).toBe('cli-task  finished  pulled 4  pushed 4  recovered 0  missing 0  handled 4\n')
  })

  it('names the task when a pull fails, never the token, and exits 1', async () => {
    const result = await cli(
      ['reconcile', '--task', 'no-such-task', '--api-url', airudder.url!, '--dry-run'],
      {
        env: { AIRUDDER_API_TOKEN: 'cli-api-token' },
      },
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('taskdetail for task no-such-task was rejected (404)')
    expect(result.stderr + result.stdout).not.toContain('cli-api-token')
  })

  it('refuses a SQLite inbox file that does not exist, and creates none', async () => {
    const path = join(tempFiles({}), 'typo.db')
    const env = { AIRUDDER_API_TOKEN: 'cli-api-token' }
    const args = ['reconcile', '--task', 'cli-task', '--inbox', `sqlite:${path}`, '--dry-run']
    const result = await cli([...args, '--api-url', airudder.url!], { env })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`no SQLite inbox at ${path}: give the file your receiver's inbox uses`)
    expect(existsSync(path)).toBe(false)
  })

  it('refuses to run without a task or a token', async () => {
    expect(await cli(['reconcile', '--dry-run', '--token', 't'])).toMatchObject({ code: 2 })
    const noToken = await cli(['reconcile', '--task', 't', '--dry-run'], { env: { AIRUDDER_API_TOKEN: '' } })
    expect(noToken.code).toBe(2)
    expect(noToken.stderr).toContain('give the API token with --token or AIRUDDER_API_TOKEN')
  })
})
