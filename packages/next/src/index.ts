/**
 * @module
 * `@airudder-webhooks/next`: verified, typed AIRudder webhooks in a Next.js app: an App Router
 * route handler for the Node.js and Edge runtimes, and a Pages Router API route.
 *
 * ```ts
 * // app/webhooks/airudder/route.ts
 * import { airudder, createWebhooks } from '@airudder-webhooks/next'
 *
 * const webhooks = createWebhooks({ key: process.env.AIRUDDER_KEY })
 * webhooks.on('workflow.call.completed', async (event) => {
 *   for (const call of event.payload.Details) console.log(call.CallID, call.Intention)
 * })
 * export const POST = airudder(webhooks)
 * ```
 */
export { createWebhooks, type NextContext } from './create-webhooks'
export { createPagesHandler } from './pages-handler'
export { type AirudderOptions, airudder } from './route-handler'
