/**
 * The shared inbox contract against the PostgreSQL inbox, on a freshly migrated table for every
 * test. Runs when AIRUDDER_TEST_DATABASE_URL is set.
 */

import { runInboxContract } from '@airudder-webhooks/conformance'
import { describe } from 'vitest'
import { freshInboxes, hasDatabase } from './support/database'

describe.runIf(hasDatabase)('postgres', () => {
  runInboxContract('postgres', freshInboxes('contract'))
})
