/**
 * @module
 * `@airudder-webhooks/hono`: verified, typed AIRudder webhooks in a Hono app, on Node (through
 * `@hono/node-server`), Bun, Deno, Cloudflare Workers or any other Web runtime.
 *
 * ```ts
 * import { Hono } from 'hono'
 * import { airudder, createWebhooks } from '@airudder-webhooks/hono'
 *
 * const webhooks = createWebhooks({ key: process.env.AIRUDDER_KEY })
 * webhooks.on('workflow.call.completed', (event, c) => {
 *   for (const call of event.payload.Details) console.log(call.CallID, call.Intention)
 * })
 * const app = new Hono()
 * app.post('/webhooks/airudder', airudder(webhooks))
 * export default app
 * ```
 */
export { createWebhooks } from './create-webhooks'
export { type AirudderOptions, airudder } from './handler'
