/**
 * `POST /webhooks/airudder`: AIRudder's deliveries, verified against their raw bytes (a route
 * handler gets the untouched `Request`). `'edge'` works as well as `'nodejs'`.
 */
import { airudder } from '@airudder-webhooks/next'
import { webhooks } from '../../../lib/webhooks'

export const POST = airudder(webhooks)
export const runtime = 'nodejs'
