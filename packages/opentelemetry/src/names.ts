/**
 * @module
 * Every span, metric and attribute name this package emits, in one place (the README's table is
 * this list). Messaging semantic conventions where they exist (`messaging.*`, `error.type`,
 * `http.response.status_code`); `airudder.*` for what they do not cover.
 */
export const SCOPE = '@airudder-webhooks/opentelemetry'

export const SPAN = {
  /** One delivery through the pipeline: `receive <event type>`. */
  receive: 'receive',
  /** One run of an event's handlers (each inbox attempt is one): `process <event type>`. */
  process: 'process',
} as const

export const METRIC = {
  deliveries: 'airudder.webhook.deliveries',
  handlerDuration: 'messaging.process.duration',
  inboxDepth: 'airudder.inbox.depth',
  oldestPendingAge: 'airudder.inbox.oldest_pending.age',
  recoveredCalls: 'airudder.reconcile.recovered_calls',
} as const

export const ATTR = {
  system: 'messaging.system',
  operationType: 'messaging.operation.type',
  operationName: 'messaging.operation.name',
  destination: 'messaging.destination.name',
  messageId: 'messaging.message.id',
  errorType: 'error.type',
  statusCode: 'http.response.status_code',
  duplicate: 'airudder.delivery.duplicate',
  attempt: 'airudder.inbox.attempt',
  failures: 'airudder.handler.failures',
  inboxStatus: 'airudder.inbox.status',
} as const

/** `messaging.system`: AIRudder is not in the conventions' list, so its own name. */
export const SYSTEM = 'airudder'
