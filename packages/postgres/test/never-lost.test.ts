/**
 * Never lost, with two PostgreSQL replicas: AIRudder (the simulator) pushes 1,000 call results
 * across 20 tasks. Replica A takes the first few calls of 15 tasks; then both replicas are down for
 * longer than AIRudder's whole (time-scaled) retry window, so every other push is dropped; the last
 * 5 tasks are only tracked by the app. Both come back and reconcile side by side; A is SIGKILLed
 * in the middle of recovering a task. B takes A's tasks (and inbox entries) over when their leases
 * run out: every call has exactly one effect (written in the entry's transaction), and the
 * reports add up.
 */
import { fileURLToPath } from 'node:url'
import { recount } from '@airudder-webhooks/client'
import { createSimulator } from '@airudder-webhooks/client/simulator'
import { freePort, type ServerProcess, startServerProcess, waitFor } from '@airudder-webhooks/conformance'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPostgresInbox, createPostgresReconcileStore, migrate } from '../src/index'
import { DATABASE_URL, dropTables, freshTable, hasDatabase, testPool } from './support/database'

const TASKS = 20
const CALLS = 50
const PUSHED_WHILE_UP = 5
const TRACKED_ONLY = 5
const packageDir = fileURLToPath(new URL('..', import.meta.url))

describe.runIf(hasDatabase)('never lost, with two PostgreSQL replicas', () => {
  const db = testPool(4)
  const table = freshTable('never_lost')
  const effects = `${table}_effects`
  // A minute of AIRudder's time lasts 100 ms: the whole retry window (5 retries) is 0.5 s.
  const airudder = createSimulator({ key: 'never-lost-key', timeScale: 600, concurrency: 32 })
  const servers: ServerProcess[] = []

  beforeAll(async () => {
    await migrate(db, { table })
    await db.query(`CREATE TABLE ${effects} (call_id text NOT NULL, how text NOT NULL, pid integer NOT NULL)`)
  })
  afterAll(async () => {
    for (const server of servers) await server.kill()
    await airudder.close()
    await dropTables(db, [table, effects])
    await db.end()
  })

  const effectRows = async () =>
    (
      await db.query<{ call_id: string; how: string; pid: number }>(
        `SELECT call_id, how, pid FROM ${effects}`,
      )
    ).rows

  it('recovers every dropped call exactly once although a replica dies mid-reconcile', async () => {
    const apiUrl = await airudder.listen()
    for (let n = 1; n <= TASKS; n++) {
      airudder.addTask({ taskId: `task-${String(n).padStart(2, '0')}`, calls: CALLS, status: 'calling' })
    }
    const tracked = airudder.tasks.slice(-TRACKED_ONLY).map((task) => task.TaskID)
    const ports = { a: await freePort(), b: await freePort() }
    const start = async (port: number) => {
      const server = await startServerProcess({
        cwd: packageDir,
        script: 'test/fixtures/reconcile-replica.ts',
        port,
        env: {
          DATABASE_URL,
          INBOX_TABLE: table,
          EFFECTS_TABLE: effects,
          AIRUDDER_KEY: airudder.key,
          API_URL: apiUrl,
          API_TOKEN: airudder.token,
          QUIET_MS: '2000',
          LEASE_MS: '1500',
          ADD_DELAY_MS: '10',
          TRACK: tracked.join(','),
        },
      })
      servers.push(server)
      return server
    }
    const url = `http://127.0.0.1:${ports.a}/`

    const upA = await start(ports.a)
    const upB = await start(ports.b)
    const early = await airudder.push(url, {
      taskIds: airudder.tasks.slice(0, TASKS - TRACKED_ONLY).map((task) => task.TaskID),
      select: (_task, _call, index) => index < PUSHED_WHILE_UP,
    })
    expect(early.every((delivery) => delivery.outcome === 'delivered')).toBe(true)
    await waitFor(
      'the early pushes to be handled',
      async () => (await effectRows()).length >= early.length,
      20_000,
    )

    await Promise.all([upA.kill('SIGTERM'), upB.kill('SIGTERM')])
    const late = await airudder.push(url, {
      select: (task, _call, index) => tracked.includes(task.TaskID) || index >= PUSHED_WHILE_UP,
    })
    expect(late).toHaveLength(TASKS * CALLS - early.length)
    expect(late.every((delivery) => delivery.outcome === 'dropped' && delivery.attempts.length === 6)).toBe(
      true,
    )
    for (const task of airudder.tasks) task.status = 'finished'

    const restarted = performance.now()
    const [a, b] = await Promise.all([start(ports.a), start(ports.b)])
    await waitFor(
      'replica A to be recovering a task',
      () => a.lines.some((line) => line.startsWith('adding ')),
      20_000,
    )
    await a.kill('SIGKILL')
    const started = a.lines.filter((line) => line.startsWith('adding ')).map((line) => line.split(' ')[1])
    const finished = a.lines.filter((line) => line.startsWith('recovered ')).map((line) => line.split(' ')[1])
    expect(started.filter((taskId) => !finished.includes(taskId)).length).toBeGreaterThan(0)

    await waitFor(
      'every call to be handled',
      async () => (await effectRows()).length >= TASKS * CALLS,
      60_000,
    )
    const recoveredMs = performance.now() - restarted
    const rows = await effectRows()
    const perCall = new Map<string, number>()
    for (const row of rows) perCall.set(row.call_id, (perCall.get(row.call_id) ?? 0) + 1)
    const allCalls = airudder.tasks.flatMap((task) => task.calls.map((call) => call.CallID))
    expect(perCall).toEqual(new Map(allCalls.map((callId) => [callId, 1])))
    expect(rows.filter((row) => row.how === 'recovered')).toHaveLength(late.length)

    const inbox = createPostgresInbox({ pool: db, table })
    const store = createPostgresReconcileStore({ pool: db, table })
    await waitFor(
      'every task to be reconciled',
      async () => (await store.list({ state: 'reconciled' })).length === TASKS,
      20_000,
    )
    for (const task of airudder.tasks) {
      const trackedOnly = tracked.includes(task.TaskID)
      const report = (await store.get(task.TaskID))?.report
      expect(report).toMatchObject({ taskStatus: 'finished', pulled: CALLS })
      expect(await recount(inbox, report!)).toMatchObject({
        pulled: CALLS,
        pushed: trackedOnly ? 0 : PUSHED_WHILE_UP,
        recovered: trackedOnly ? CALLS : CALLS - PUSHED_WHILE_UP,
        missing: 0,
        handled: CALLS,
      })
    }
    // A's unfinished task was pulled again by B: more pulls than tasks, never a second effect.
    expect(airudder.pulls.length).toBeGreaterThan(TASKS)
    await b.kill('SIGTERM')
    console.log(
      `never-lost (postgres, 2 replicas, one SIGKILLed mid-reconcile): ${TASKS * CALLS} calls, ${late.length} dropped; ` +
        `all handled once ${Math.round(recoveredMs)} ms after restart, ${airudder.pulls.length} pulls`,
    )
  })
})
