/**
 * Retries, dead entries and requeue through `createWebhooks` with the SQLite inbox.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runRetryScenarios } from '@airudder-webhooks/conformance'
import { afterAll } from 'vitest'
import { createSqliteInbox } from '../src/index'

const dir = mkdtempSync(join(tmpdir(), 'airudder-sqlite-retries-'))
let files = 0
afterAll(() => rmSync(dir, { recursive: true, force: true }))

runRetryScenarios('sqlite', async () => createSqliteInbox({ path: join(dir, `inbox-${++files}.db`) }))
