/**
 * Retries, dead entries and requeue through `createWebhooks` with the PostgreSQL inbox.
 */

import { runRetryScenarios } from '@airudder-webhooks/conformance'
import { describe } from 'vitest'
import { freshInboxes, hasDatabase } from './support/database'

describe.runIf(hasDatabase)('postgres', () => {
  runRetryScenarios('postgres', freshInboxes('retries'))
})
