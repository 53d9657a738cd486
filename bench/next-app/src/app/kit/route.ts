import { airudder } from '@airudder-webhooks/next'
import { benchWebhooks } from '../../../../src/kit'

const { webhooks } = benchWebhooks()
export const POST = airudder(webhooks)
