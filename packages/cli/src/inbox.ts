/**
 * @module
 * Opens the receiver's inbox named by `--inbox` (`sqlite:<file>` or `postgres://…`), read for the
 * reconcile discrepancy. The store packages are optional: installed only by those who use them.
 */
import { existsSync } from 'node:fs'
import type { Inbox } from '@airudder-webhooks/core'
import { UsageError } from './args'

export interface OpenedInbox {
  readonly inbox: Inbox
  close(): Promise<void>
}

async function load<T>(command: string, name: string, loader: () => Promise<T>): Promise<T> {
  try {
    return await loader()
  } catch {
    throw new UsageError(command, `--inbox needs ${name}: npm i ${name}`)
  }
}

export async function openInbox(
  command: string,
  spec: string,
  table: string | undefined,
): Promise<OpenedInbox> {
  if (spec.startsWith('sqlite:')) {
    const { createSqliteInbox } = await load(
      command,
      '@airudder-webhooks/sqlite',
      () => import('@airudder-webhooks/sqlite'),
    )
    const path = spec.slice('sqlite:'.length)
    // Opening a path that does not exist would create an empty inbox and report every call missing.
    if (!existsSync(path))
      throw new UsageError(command, `no SQLite inbox at ${path}: give the file your receiver's inbox uses`)
    const inbox = createSqliteInbox({ path, table })
    return { inbox, close: () => inbox.close() }
  }
  if (/^postgres(ql)?:\/\//.test(spec)) {
    const { createPostgresInbox } = await load(
      command,
      '@airudder-webhooks/postgres',
      () => import('@airudder-webhooks/postgres'),
    )
    const { default: pg } = await load(command, 'pg', () => import('pg'))
    const pool = new pg.Pool({ connectionString: spec, max: 2 })
    return { inbox: createPostgresInbox({ pool, table }), close: () => pool.end() }
  }
  throw new UsageError(command, '--inbox must be sqlite:<file> or a postgres:// URL')
}
