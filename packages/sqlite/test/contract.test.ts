/**
 * The shared inbox contract, against the in-memory reference and the SQLite inbox (a fresh
 * temporary file for every test), plus what only a file can show: entries survive a reopen.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInboxContract } from '@airudder-webhooks/conformance'
import { createMemoryInbox } from '@airudder-webhooks/core'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { createSqliteInbox } from '../src/index'

const dir = mkdtempSync(join(tmpdir(), 'airudder-sqlite-contract-'))
let files = 0
const freshPath = () => join(dir, `inbox-${++files}.db`)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

runInboxContract('memory (reference)', () => createMemoryInbox())
runInboxContract('sqlite', () => createSqliteInbox({ path: freshPath() }))
runInboxContract('sqlite (custom table, synchronous NORMAL)', () =>
  createSqliteInbox({ path: freshPath(), table: 'my_inbox', synchronous: 'NORMAL' }),
)

const entry = (id: string) => ({
  id,
  type: 'workflow.call.completed',
  raw: `{"TaskID":"${id}","note":"ünïcode ✓"}`,
  receivedAt: new Date('2026-03-01T10:00:00.123Z'),
  verification: { status: 'skipped', reason: 'opted-out' } as const,
})

describe('sqlite inbox file', () => {
  it('uses WAL mode and keeps entries, leases and attempts across a reopen', async () => {
    const path = freshPath()
    const first = createSqliteInbox({ path })
    await first.add(entry('leased'))
    expect((await first.claim(1, 60_000)).map((e) => e.id)).toEqual(['leased'])
    await first.add(entry('kept'))
    await first.close()
    const second = createSqliteInbox({ path })
    expect(await second.get('kept')).toMatchObject({ ...entry('kept'), status: 'pending', attempts: 0 })
    expect(await second.get('leased')).toMatchObject({ status: 'processing', attempts: 1 })
    expect(await second.claim(5, 60_000)).toMatchObject([{ id: 'kept', attempts: 1 }])
    expect(await second.add(entry('kept'))).toBe('duplicate')
    await second.close()
    const raw = new Database(path, { readonly: true })
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    raw.close()
  })

  it('stores dates as integer milliseconds and the verification as JSON text', async () => {
    const path = freshPath()
    const inbox = createSqliteInbox({ path })
    await inbox.add(entry('row'))
    await inbox.close()
    const raw = new Database(path, { readonly: true })
    const row = raw.prepare('SELECT received_at, verification FROM airudder_inbox').get()
    raw.close()
    expect(row).toEqual({
      received_at: Date.parse('2026-03-01T10:00:00.123Z'),
      verification: '{"status":"skipped","reason":"opted-out"}',
    })
  })

  it('lets two connections on one file claim without taking the same entry twice', async () => {
    const path = freshPath()
    const a = createSqliteInbox({ path })
    const b = createSqliteInbox({ path })
    for (let i = 0; i < 50; i++) await a.add(entry(`e${i}`))
    const claimed: string[] = []
    for (let round = 0; round < 20; round++) {
      for (const box of [a, b]) claimed.push(...(await box.claim(3, 60_000)).map((e) => e.id))
    }
    expect(claimed).toHaveLength(50)
    expect(new Set(claimed).size).toBe(50)
    await a.close()
    await b.close()
  })

  it('refuses a table name that is not a plain identifier', () => {
    expect(() => createSqliteInbox({ path: freshPath(), table: 'inbox; DROP TABLE x' })).toThrow(
      /@airudder-webhooks\/sqlite: table must be a plain SQL identifier/,
    )
  })
})
