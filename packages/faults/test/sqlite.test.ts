/**
 * SQLite when writes fail: the file's disk full (the receiver's file-size limit dropped to one byte
 * with prlimit, so every write fails as on a full or read-only volume) and the file locked by another
 * process. The receiver must stay up, answer 503 (never 200 for something not stored), and recover
 * by itself; nothing acknowledged is lost or run twice.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ServerProcess, sleep } from '@airudder-webhooks/conformance'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answersBetween, firstAcknowledgedAfter, record, sendTraffic } from '../src/index'
import { receiverPid, startReceiver, waitFor } from './support'

describe('SQLite faults', () => {
  const dir = mkdtempSync(join(tmpdir(), 'airudder-faults-'))
  const path = join(dir, 'inbox.db')
  const effectsPath = join(dir, 'effects.db')
  let server: ServerProcess
  let pid: number

  beforeAll(async () => {
    server = await startReceiver({
      INBOX: 'sqlite',
      SQLITE_PATH: path,
      EFFECTS: effectsPath,
      HANDLER_MS: '10',
      LEASE_MS: '5000',
    })
    pid = receiverPid(server.lines)
  })
  afterAll(async () => {
    await server?.kill()
    rmSync(dir, { recursive: true, force: true })
  })

  async function underFault(name: string, prefix: string, inject: () => void, heal: () => void) {
    const traffic = sendTraffic({ url: () => server.url, count: 300, prefix })
    await waitFor('a third acknowledged', () => traffic.tracked.filter((t) => t.acknowledgedAt).length >= 100)
    const faultAt = Date.now()
    inject()
    await sleep(3000)
    const healAt = Date.now()
    heal()
    await waitFor('every delivery acknowledged', () => traffic.tracked.every((t) => t.acknowledgedAt), 40_000)
    const ids = traffic.tracked.map((t) => t.id)
    const db = new Database(path, { readonly: true })
    const effects = new Database(effectsPath, { readonly: true })
    try {
      const done = db.prepare(`SELECT count(*) AS n FROM airudder_inbox WHERE status = 'done' AND id LIKE ?`)
      const like = `%/${prefix}-%`
      await waitFor(
        'every acknowledged event to be done',
        () => (done.get(like) as { n: number }).n === ids.length,
        40_000,
      )
      const runs = effects
        .prepare('SELECT count(*) AS n FROM effects WHERE event_id LIKE ? GROUP BY event_id')
        .all(like) as { n: number }[]
      const measured = {
        faultMs: healAt - faultAt,
        answersDuringFault: answersBetween(traffic.tracked, faultAt, healAt).byStatus,
        slowestAnswerMs: answersBetween(traffic.tracked, faultAt, healAt).slowestMs,
        recoveryMs: (firstAcknowledgedAfter(traffic.tracked, healAt) ?? Number.NaN) - healAt,
        allDoneMs: Date.now() - healAt,
        acknowledged: ids.length,
        lost: ids.length - runs.length,
        twice: runs.filter((run) => run.n > 1).length,
        crashed: server.exited,
      }
      record(name, measured)
      return measured
    } finally {
      db.close()
      effects.close()
    }
  }

  it('disk full (every write fails): 503 while it lasts, then recovers; nothing lost or run twice', async () => {
    const m = await underFault(
      'sqlite: disk full',
      'full',
      () => execFileSync('prlimit', ['--pid', String(pid), '--fsize=1:']),
      () => execFileSync('prlimit', ['--pid', String(pid), '--fsize=unlimited:']),
    )
    expect(m).toMatchObject({ lost: 0, twice: 0, crashed: false })
    expect(Object.keys(m.answersDuringFault).filter((s) => s !== '200' && s !== '503')).toEqual([])
    expect(m.answersDuringFault['503']).toBeGreaterThan(0)
  }, 90_000)

  it('the file locked by another process: answered within AIRudder’s 10 s (stored once the lock goes, or 503), then recovers', async () => {
    const locker = new Database(path)
    try {
      const m = await underFault(
        'sqlite: locked by another process',
        'locked',
        () => locker.exec('BEGIN EXCLUSIVE'),
        () => locker.exec('COMMIT'),
      )
      expect(m).toMatchObject({ lost: 0, twice: 0, crashed: false })
      expect(Object.keys(m.answersDuringFault).filter((s) => s !== '200' && s !== '503')).toEqual([])
      expect(m.slowestAnswerMs).toBeLessThan(10_000)
    } finally {
      locker.close()
    }
  }, 90_000)
})
