/** The trace column: kept as given, and added on open to a table made before it existed. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createSqliteInbox } from '../src/index'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
const path = () => {
  const dir = mkdtempSync(join(tmpdir(), 'airudder-trace-'))
  dirs.push(dir)
  return join(dir, 'inbox.db')
}
const TRACE = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'
const entry = (id: string) => ({
  id,
  type: 'workflow.call.completed',
  raw: '{}',
  receivedAt: new Date(1_700_000_000_000),
  verification: { status: 'verified', method: 'md5Sign' } as const,
})

describe('the trace column', () => {
  it('keeps the trace context an entry was stored with, and none when it had none', async () => {
    const inbox = createSqliteInbox({ path: path() })
    await inbox.add({ ...entry('a'), trace: TRACE })
    await inbox.add(entry('b'))
    expect((await inbox.get('a'))?.trace).toBe(TRACE)
    expect(await inbox.get('b')).not.toHaveProperty('trace')
    const [claimed] = await inbox.claim(1, 1000)
    expect(claimed?.trace).toBe(TRACE)
    await inbox.close()
  })

  it('adds the column to a table created before it', async () => {
    const file = path()
    const db = new Database(file)
    db.exec(`CREATE TABLE airudder_inbox (id TEXT PRIMARY KEY NOT NULL, type TEXT NOT NULL, raw TEXT NOT NULL,
      received_at INTEGER NOT NULL, verification TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
      available_at INTEGER NOT NULL, last_error TEXT, updated_at INTEGER NOT NULL)`)
    db.close()
    const inbox = createSqliteInbox({ path: file })
    await inbox.add({ ...entry('c'), trace: TRACE })
    expect((await inbox.get('c'))?.trace).toBe(TRACE)
    await inbox.close()
  })
})
