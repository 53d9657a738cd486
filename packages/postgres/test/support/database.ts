/**
 * @module
 * The test database: `AIRUDDER_TEST_DATABASE_URL` (`.ci/run` sets it and starts PostgreSQL).
 * Without it the database tests do not run (`describe.runIf`); with it, a server that cannot be
 * reached fails them. Every test table gets a fresh name and is dropped afterwards.
 */
import type { Inbox } from '@airudder-webhooks/core'
import pg from 'pg'
import { afterAll } from 'vitest'
import { createPostgresInbox, migrate } from '../../src/index'

export const DATABASE_URL = process.env.AIRUDDER_TEST_DATABASE_URL ?? ''
export const hasDatabase = DATABASE_URL !== ''

export function testPool(max = 5): pg.Pool {
  return new pg.Pool({ connectionString: DATABASE_URL, max, connectionTimeoutMillis: 10_000 })
}

let tables = 0
export const freshTable = (prefix: string) =>
  `${prefix}_${process.pid}_${Date.now().toString(36)}_${++tables}`.slice(0, 40)

/** Drops the tables (with the reconcile table an inbox migration creates) and forgets their migrations. */
export async function dropTables(pool: pg.Pool, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await pool.query(`DROP TABLE IF EXISTS ${name}, ${name}_reconcile_tasks`)
    await pool
      .query('DELETE FROM airudder_inbox_migrations WHERE table_name = $1', [name])
      .catch(() => undefined)
  }
}

/**
 * For a suite: each call opens a fresh, migrated inbox table; after the suite every table is
 * dropped and the pool ended. Call it inside `describe.runIf(hasDatabase)`.
 */
export function freshInboxes(prefix: string): () => Promise<Inbox> {
  const pool = testPool()
  const tables: string[] = []
  afterAll(async () => {
    await dropTables(pool, tables)
    await pool.end()
  })
  return async () => {
    const table = freshTable(prefix)
    tables.push(table)
    await migrate(pool, { table })
    return createPostgresInbox({ pool, table })
  }
}
