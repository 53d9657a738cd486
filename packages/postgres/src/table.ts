/**
 * @module
 * The inbox table's name, checked once so it can be spliced into SQL (identifiers cannot be bound
 * parameters), and the error a missing table turns into: migrations are never run implicitly.
 */

/** Where migrate() records what it applied, for every inbox table of the database. */
export const MIGRATIONS_TABLE = 'airudder_inbox_migrations'

export const DEFAULT_TABLE = 'airudder_inbox'

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,39}$/

/**
 * A lowercase SQL identifier of at most 40 characters (index names add a suffix and PostgreSQL
 * truncates at 63). Put the table in another schema with the pool's `search_path`.
 */
export function tableName(table: string = DEFAULT_TABLE): string {
  if (!IDENTIFIER.test(table) || table === MIGRATIONS_TABLE) {
    throw new TypeError(
      `@airudder-webhooks/postgres: table must be a lowercase SQL identifier (a-z, 0-9, _; at most 40 ` +
        `characters; not ${MIGRATIONS_TABLE}), got ${JSON.stringify(table)}`,
    )
  }
  return table
}

/** PostgreSQL's `undefined_table`. */
const UNDEFINED_TABLE = '42P01'

export function explainMissingTable(error: unknown, table: string): unknown {
  if (typeof error !== 'object' || error === null || (error as { code?: unknown }).code !== UNDEFINED_TABLE) {
    return error
  }
  return new Error(
    `@airudder-webhooks/postgres: the inbox table "${table}" does not exist; ` +
      'run migrate() or `airudder-webhooks-postgres migrate --url <database url>` first',
    { cause: error },
  )
}
