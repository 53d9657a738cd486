/**
 * @module
 * `@airudder-webhooks/core/redact`: keep phone numbers and names out of your logs. The kit's own
 * log lines already go through these; use them when you log payloads yourself.
 *
 * ```ts
 * import { personalValues, redact, redactText } from '@airudder-webhooks/core/redact'
 * webhooks.on('workflow.call.completed', (event) => {
 *   logger.info({ payload: redact(event.payload) }, 'call completed') // CalleeNumber: '[redacted]'
 * })
 * webhooks.onError((error) => {
 *   const values = error.event ? personalValues(error.event.payload) : []
 *   logger.error({ code: error.code }, redactText(String(error.cause), values))
 * })
 * ```
 */
export { PERSONAL_KEYS } from './logging/personal-fields'
export { personalValues, REDACTED, type RedactOptions, redact, redactText } from './logging/redact'
