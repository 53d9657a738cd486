/**
 * @module
 * `@airudder-webhooks/console`: a web console for the inbox, served by one Web
 * `(Request) => Response` handler. Counts by status and type, search by TaskID, CallID, CaseID or
 * callid, one event with its payload (numbers and names masked until revealed), attempts and last
 * error, requeue of one event or of every dead event of a type, and the reconciliation report.
 * Server-rendered HTML under a strict CSP: no CDN, no font, works offline.
 *
 * ```ts
 * import { createConsole } from '@airudder-webhooks/console'
 * const inboxConsole = createConsole({ inbox: webhooks.inbox!, token: process.env.CONSOLE_TOKEN })
 * app.all('/ops/inbox', (c) => inboxConsole(c.req.raw)) // Hono
 * ```
 */
export type { Authorize } from './access'
export { type ConsoleOptions, createConsole, type InboxConsole } from './create-console'
export type { ReconcileSource, ReconcileTask } from './views/reconcile'
