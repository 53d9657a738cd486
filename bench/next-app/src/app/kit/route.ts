import { createRouteHandler } from '@airudder-webhooks/next'
import { benchWebhooks } from '../../../../src/kit'

const { webhooks } = benchWebhooks()
export const { POST } = createRouteHandler(webhooks)
