import { describe, expect, it } from 'vitest'
import * as library from '../src/index'

describe('@airudder-webhooks/postgres entry', () => {
  it('exports the inbox, its migrations and the reconcile store, not the CLI runner or migration internals', () => {
    expect(Object.keys(library).sort()).toEqual([
      'createPostgresInbox',
      'createPostgresReconcileStore',
      'migrate',
      'readMigrations',
    ])
  })
})
