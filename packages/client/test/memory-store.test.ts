import { runReconcileStoreContract } from '@airudder-webhooks/conformance'
import { createMemoryReconcileStore } from '../src/index'

runReconcileStoreContract('memory', () => createMemoryReconcileStore())
