/**
 * @module
 * The test database: `AIRUDDER_TEST_DATABASE_URL` (`.ci/run` sets it and starts PostgreSQL).
 * Without it the database tests do not run (`describe.runIf`); with it, a server that cannot be
 * reached fails them. Every test table gets a fresh name and is dropped afterwards.
 */
import pg from 'pg'

export const DATABASE_URL = process.env.AIRUDDER_TEST_DATABASE_URL ?? ''
export const hasDatabase = DATABASE_URL !== ''

export function testPool(max = 5): pg.Pool {
  return new pg.Pool({ connectionString: DATABASE_URL, max, connectionTimeoutMillis: 10_000 })
}

let tables = 0
export const freshTable = (prefix: string) =>
  `${prefix}_${process.pid}_${Date.now().toString(36)}_${++tables}`.slice(0, 40)

/** Drops the tables and forgets their migrations. */
export async function dropTables(pool: pg.Pool, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await pool.query(`DROP TABLE IF EXISTS ${name}`)
    await pool
      .query('DELETE FROM airudder_inbox_migrations WHERE table_name = $1', [name])
      .catch(() => undefined)
  }
}
