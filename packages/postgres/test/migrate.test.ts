/**
 * Migrations are explicit: `migrate()` applies the shipped SQL once per table, in a transaction
 * under an advisory lock, and records it; an inbox on a table nobody migrated says what to run.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPostgresInbox, migrate, readMigrations } from '../src/index'
import { MIGRATIONS_DIR } from '../src/migrations'
import { dropTables, freshTable, hasDatabase, testPool } from './support/database'

describe('shipped migrations', () => {
  it('are numbered SQL files, renamed for another table (indexes included)', () => {
    const [first, second, third, ...rest] = readMigrations('calls_inbox')
    expect(third).toMatchObject({ version: 3, name: 'ordering_keys' })
    expect(third?.sql).toContain(
      'CREATE INDEX calls_inbox_ordering_idx ON calls_inbox (ordering_key, ordered_at)',
    )
    expect(third?.sql).not.toMatch(/airudder_inbox/)
    expect(rest.map((migration) => migration.name)).toEqual(['inbox_trace'])
    expect(rest.at(-1)?.sql).toContain('ALTER TABLE calls_inbox ADD COLUMN trace text')
    expect(second).toMatchObject({ version: 2, name: 'create_reconcile_tasks' })
    expect(second?.sql).toContain('CREATE TABLE calls_inbox_reconcile_tasks (')
    expect(second?.sql).toContain('CREATE INDEX calls_inbox_reconcile_due_idx ON calls_inbox_reconcile_tasks')
    expect(second?.sql).not.toMatch(/airudder_inbox/)
    expect(first).toMatchObject({ version: 1, name: 'create_inbox' })
    expect(first?.sql).toContain('CREATE TABLE calls_inbox (')
    expect(first?.sql).toContain(
      'CREATE INDEX calls_inbox_status_available_at_idx ON calls_inbox (status, available_at)',
    )
    expect(first?.sql).not.toMatch(/airudder_inbox/)
  })

  it('refuses a table name that cannot be spliced into SQL', () => {
    for (const table of ['Inbox', 'inbox; drop table x', 'airudder_inbox_migrations', 'x'.repeat(41)]) {
      expect(() => readMigrations(table)).toThrow(
        /@airudder-webhooks\/postgres: table must be a lowercase SQL/,
      )
      expect(() => createPostgresInbox({ pool: { query: async () => ({}) } as never, table })).toThrow(
        /table must be/,
      )
    }
  })
})

describe.runIf(hasDatabase)('migrate() on PostgreSQL', () => {
  const pool = testPool(10)
  const tables: string[] = []
  const fresh = () => {
    const table = freshTable('migrate')
    tables.push(table)
    return table
  }
  let dir = ''
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'airudder-pg-migrations-'))
  })
  afterAll(async () => {
    await dropTables(pool, tables)
    await pool.end()
    rmSync(dir, { recursive: true, force: true })
  })
  const exists = async (table: string) =>
    (await pool.query('SELECT to_regclass($1) AS oid', [table])).rows[0]?.oid !== null

  it('applies each migration once and records it', async () => {
    const table = fresh()
    expect(await migrate(pool, { table })).toEqual({
      table,
      applied: ['001_create_inbox', '002_create_reconcile_tasks', '003_ordering_keys', '004_inbox_trace'],
    })
    expect(await migrate(pool, { table })).toEqual({ table, applied: [] })
    const { rows } = await pool.query(
      'SELECT version, name FROM airudder_inbox_migrations WHERE table_name = $1',
      [table],
    )
    expect(rows).toEqual([
      { version: 1, name: 'create_inbox' },
      { version: 2, name: 'create_reconcile_tasks' },
      { version: 3, name: 'ordering_keys' },
      { version: 4, name: 'inbox_trace' },
    ])
    expect(await exists(`${table}_reconcile_tasks`)).toBe(true)
    const indexes = await pool.query('SELECT indexdef FROM pg_indexes WHERE tablename = $1', [table])
    expect(indexes.rows.map((row) => row.indexdef).join('\n')).toContain('(status, available_at)')
  })

  it('lets replicas starting together migrate: one applies, the others wait and find it done', async () => {
    const table = fresh()
    const results = await Promise.all(Array.from({ length: 6 }, () => migrate(pool, { table })))
    const shipped = readMigrations(table).length
    expect(results.map((result) => result.applied.length).sort()).toEqual([0, 0, 0, 0, 0, shipped])
  })

  it('rolls a failing migration back entirely', async () => {
    const table = fresh()
    copyFileSync(join(MIGRATIONS_DIR, '001_create_inbox.sql'), join(dir, '001_create_inbox.sql'))
    writeFileSync(join(dir, '002_broken.sql'), 'ALTER TABLE airudder_inbox ADD COLUMN oops no_such_type;')
    await expect(migrate(pool, { table, dir })).rejects.toThrow(/no_such_type/)
    expect(await exists(table)).toBe(false)
    const { rowCount } = await pool.query('SELECT 1 FROM airudder_inbox_migrations WHERE table_name = $1', [
      table,
    ])
    expect(rowCount).toBe(0)
  })

  it('never creates the table on its own: an unmigrated inbox says what to run', async () => {
    const table = fresh()
    const inbox = createPostgresInbox({ pool, table })
    const entry = {
      id: 'x',
      type: 'unknown',
      raw: '{}',
      receivedAt: new Date(),
      verification: { status: 'skipped', reason: 'opted-out' } as const,
    }
    await expect(inbox.add(entry)).rejects.toThrow(
      `@airudder-webhooks/postgres: the inbox table "${table}" does not exist; run migrate() or ` +
        '`airudder-webhooks-postgres migrate --url <database url>` first',
    )
    await expect(inbox.claim(1, 1000)).rejects.toThrow(/run migrate\(\)/)
    expect(await exists(table)).toBe(false)
  })
})
