/**
 * @module
 * `migrate(pool, { table })`: applies the shipped migrations that this table has not had yet, in
 * one transaction under an advisory lock (replicas starting at once migrate once, the others
 * wait), and records them in `airudder_inbox_migrations`. Call it from a deploy step or at start
 * up; importing the package or creating an inbox never does.
 *
 * ```ts
 * const { applied } = await migrate(pool) // [] when already up to date
 * ```
 */
import type { Pool } from 'pg'
import { type Migration, readMigrations } from './migrations'
import { DEFAULT_TABLE, MIGRATIONS_TABLE, tableName } from './table'

export interface MigrateOptions {
  /** Default `airudder_inbox`. */
  readonly table?: string | undefined
  /** Where the `.sql` files are (tests). Default: the package's `migrations/`. */
  readonly dir?: string | undefined
}

export interface MigrateResult {
  readonly table: string
  /** Migrations applied now, e.g. `['001_create_inbox']`; empty when the table was up to date. */
  readonly applied: string[]
}

const label = (migration: Migration) => `${String(migration.version).padStart(3, '0')}_${migration.name}`

export async function migrate(
  pool: Pick<Pool, 'connect'>,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const table = tableName(options.table ?? DEFAULT_TABLE)
  const migrations = readMigrations(table, options.dir)
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    await client.query('BEGIN')
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('${MIGRATIONS_TABLE}'))`)
    await client.query(`
      CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
        table_name text NOT NULL,
        version integer NOT NULL,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (table_name, version)
      )`)
    const done = await client.query<{ version: number }>(
      `SELECT version FROM ${MIGRATIONS_TABLE} WHERE table_name = $1`,
      [table],
    )
    const applied = new Set(done.rows.map((row) => row.version))
    const pending = migrations.filter((migration) => !applied.has(migration.version))
    for (const migration of pending) {
      await client.query(migration.sql)
      await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (table_name, version, name) VALUES ($1, $2, $3)`, [
        table,
        migration.version,
        migration.name,
      ])
    }
    await client.query('COMMIT')
    return { table, applied: pending.map(label) }
  } catch (error) {
    await client.query('ROLLBACK').catch((rollback: Error) => {
      broken = rollback
    })
    throw error
  } finally {
    // A connection that could not even roll back is discarded, not returned to the pool.
    client.release(broken)
  }
}
