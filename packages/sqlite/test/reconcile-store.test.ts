import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runReconcileStoreContract } from '@airudder-webhooks/conformance'
import { afterAll } from 'vitest'
import { createSqliteReconcileStore } from '../src/index'

const dir = mkdtempSync(join(tmpdir(), 'airudder-reconcile-store-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0

runReconcileStoreContract('sqlite', () =>
  createSqliteReconcileStore({ path: join(dir, `tasks-${++files}.db`) }),
)
