/**
 * @module
 * `@airudder-webhooks/express`: AIRudder webhooks in an Express 4 or 5 app, verified against the
 * raw body, typed, and handled once.
 *
 * ```ts
 * import express from 'express'
 * import { airudder, createWebhooks } from '@airudder-webhooks/express'
 *
 * const webhooks = createWebhooks({ key: process.env.AIRUDDER_KEY })
 * webhooks.on('workflow.call.completed', (event, { req }) => {
 *   console.log(event.payload.TaskID, event.payload.Details.length, req.ip)
 * })
 *
 * const app = express()
 * app.post('/webhooks/airudder', airudder(webhooks)) // before app.use(express.json())
 * app.use(express.json())
 * app.listen(3000)
 * ```
 */
export { createWebhooks, type ExpressContext } from './context'
export { type AirudderOptions, type AirudderRouterOptions, airudder, airudderRouter } from './middleware'
