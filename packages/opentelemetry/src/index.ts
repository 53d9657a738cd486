/**
 * @module
 * `@airudder-webhooks/opentelemetry`: spans and metrics for AIRudder webhooks over
 * `@opentelemetry/api` only (no SDK dependency; a no-op until the app registers one). A span per
 * delivery and per handler run, the inbox's retries kept in the delivery's trace, deliveries by
 * type and answer, handler duration, inbox depth, oldest pending age, recovered calls.
 *
 * ```ts
 * import { createTelemetry, observeInbox } from '@airudder-webhooks/opentelemetry'
 * const webhooks = createWebhooks({ key, inbox, telemetry: createTelemetry() })
 * observeInbox(inbox)
 * ```
 */
export { ATTR, METRIC, SPAN } from './names'
export { type ObserveOptions, observeInbox, observeReconciler, type RecoveringReconciler } from './observe'
export { createTelemetry, type TelemetryOptions } from './telemetry'
