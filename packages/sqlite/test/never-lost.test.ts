/**
 * Never lost, with the SQLite inbox: AIRudder (the simulator) pushes 1,000 call results across 20
 * tasks. The receiver, a real process, takes the first few calls of 15 tasks, then is stopped for
 * longer than AIRudder's whole (time-scaled) retry window, so every other push is dropped for good;
 * the last 5 tasks were never pushed at all while it was up, only tracked by the app. Restarted, its
 * reconciler pulls each task and recovers the rest: every call has exactly one effect, and the
 * reports add up. A late push of a recovered call then changes nothing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { recount } from '@airudder-webhooks/client'
import { createSimulator } from '@airudder-webhooks/client/simulator'
import { freePort, type ServerProcess, startServerProcess, waitFor } from '@airudder-webhooks/conformance'
import { afterAll, expect, it } from 'vitest'
import { createSqliteInbox, createSqliteReconcileStore } from '../src/index'

const TASKS = 20
const CALLS = 50
const PUSHED_WHILE_UP = 5
const TRACKED_ONLY = 5
const packageDir = fileURLToPath(new URL('..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'airudder-never-lost-'))
const paths = { INBOX_PATH: join(dir, 'inbox.db'), EFFECTS_PATH: join(dir, 'effects.txt') }
// A minute of AIRudder's time lasts 100 ms: the whole retry window (5 retries) is 0.5 s.
const airudder = createSimulator({ key: 'never-lost-key', timeScale: 600, concurrency: 32 })
const servers: ServerProcess[] = []

afterAll(async () => {
  for (const server of servers) await server.kill()
  await airudder.close()
  rmSync(dir, { recursive: true, force: true })
})

const effects = () =>
  existsSync(paths.EFFECTS_PATH)
    ? readFileSync(paths.EFFECTS_PATH, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(' '))
    : []

it('recovers every call AIRudder dropped during an outage, each handled once', async () => {
  const apiUrl = await airudder.listen()
  for (let n = 1; n <= TASKS; n++)
    airudder.addTask({ taskId: `task-${String(n).padStart(2, '0')}`, calls: CALLS })
  const tracked = airudder.tasks.slice(-TRACKED_ONLY).map((task) => task.TaskID)
  const port = await freePort()
  const start = async () => {
    const server = await startServerProcess({
      cwd: packageDir,
      script: 'test/fixtures/reconcile-server.ts',
      port,
      env: {
        ...paths,
        AIRUDDER_KEY: airudder.key,
        API_URL: apiUrl,
        API_TOKEN: airudder.token,
        QUIET_MS: '2000',
        TRACK: tracked.join(','),
      },
    })
    servers.push(server)
    return server
  }
  const url = `http://127.0.0.1:${port}/`

  // Up: the first calls of the first 15 tasks arrive.
  const receiver = await start()
  const early = await airudder.push(url, {
    taskIds: airudder.tasks.slice(0, TASKS - TRACKED_ONLY).map((task) => task.TaskID),
    select: (_task, _call, index) => index < PUSHED_WHILE_UP,
  })
  expect(early.every((delivery) => delivery.outcome === 'delivered')).toBe(true)
  const handled = () => new Set(effects().map(([callId]) => callId))
  await waitFor('the early pushes to be handled', () => early.every((d) => handled().has(d.callId)), 20_000)

  // Down (a deploy gone wrong) for longer than AIRudder retries: everything else is dropped.
  await receiver.kill('SIGTERM')
  const outageStarted = performance.now()
  const late = await airudder.push(url, {
    select: (task, _call, index) => tracked.includes(task.TaskID) || index >= PUSHED_WHILE_UP,
  })
  const outageMs = performance.now() - outageStarted
  expect(late).toHaveLength(TASKS * CALLS - early.length)
  expect(late.every((delivery) => delivery.outcome === 'dropped' && delivery.attempts.length === 6)).toBe(
    true,
  )

  // Back: the reconciler pulls each task once it is quiet, and recovers what was dropped.
  const restarted = performance.now()
  const back = await start()
  await waitFor('every call to be handled', () => effects().length >= TASKS * CALLS, 60_000)
  const recoveredMs = performance.now() - restarted
  const lines = effects()
  const perCall = new Map<string, number>()
  for (const [callId] of lines) perCall.set(callId!, (perCall.get(callId!) ?? 0) + 1)
  const allCalls = airudder.tasks.flatMap((task) => task.calls.map((call) => call.CallID))
  expect(perCall).toEqual(new Map(allCalls.map((callId) => [callId, 1])))
  expect(lines.filter(([, how]) => how === 'recovered')).toHaveLength(late.length)

  // The reports, recounted from the inbox: pushed + recovered = pulled = handled, task by task.
  const inbox = createSqliteInbox({ path: paths.INBOX_PATH })
  const store = createSqliteReconcileStore({ path: paths.INBOX_PATH })
  await waitFor(
    'every task to be reconciled',
    async () => (await store.list({ state: 'reconciled' })).length === TASKS,
    20_000,
  )
  for (const task of airudder.tasks) {
    const tracked_ = tracked.includes(task.TaskID)
    const report = (await store.get(task.TaskID))?.report
    expect(report).toMatchObject({ taskStatus: 'finished', pulled: CALLS })
    expect(await recount(inbox, report!)).toMatchObject({
      pulled: CALLS,
      pushed: tracked_ ? 0 : PUSHED_WHILE_UP,
      recovered: tracked_ ? CALLS : CALLS - PUSHED_WHILE_UP,
      missing: 0,
      handled: CALLS,
    })
  }
  expect(back.lines.filter((line) => line.startsWith('recovered '))).toHaveLength(TASKS)

  // AIRudder's late retry of a recovered call (or a replayed one) is a duplicate: no second effect.
  expect(await airudder.deliverOnce(url, 'task-01', airudder.task('task-01')!.calls[40]!.CallID)).toBe(200)
  await back.kill('SIGTERM')
  expect(effects()).toHaveLength(TASKS * CALLS)
  await inbox.close()
  await store.close()
  console.log(
    `never-lost (sqlite): ${TASKS * CALLS} calls in ${TASKS} tasks, ${late.length} dropped by AIRudder during a ` +
      `${Math.round(outageMs)} ms outage (retry window ${airudder.contract.retryIntervalMs * 5} ms); all recovered and ` +
      `handled once ${Math.round(recoveredMs)} ms after restart, ${airudder.pulls.length} pulls`,
  )
  // Bounded: each wait above has its own limit; this one caps the whole run on a loaded machine.
}, 150_000)
