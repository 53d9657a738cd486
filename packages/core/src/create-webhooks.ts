/**
 * @module
 * `createWebhooks()`: one receiver, with its verification rules, event definitions, handlers and
 * duplicate detection, answering deliveries over HTTP (`handle`) or without it (`verifyAndReceive`,
 * `receive`).
 *
 * ```ts
 * const webhooks = createWebhooks({ key: process.env.AIRUDDER_KEY, verify: { '*': urlToken({ tokens: 's3cret' }) } })
 * webhooks.on('workflow.call.completed', (event) => save(event.payload.Details))
 * export const POST = (request: Request) => webhooks.handle(request)
 * ```
 */
import type { AirudderEvent, Definitions, EventFor, EventType, EventWildcard } from './events/catalogue'
import type { InvalidEvent } from './events/event'
import { createRegistry } from './events/registry'
import { handleRequest } from './http/handle'
import type { Receiver } from './http/receiver'
import { createProcessor, type ProcessingOptions, type Processor } from './inbox/processor'
import type { DriftReport } from './schema/detect-drift'
import { createVerificationPolicy, type VerificationOptions } from './steps/verification'
import { warnIfDefaultKey } from './webhooks/default-key'
import type { WebhookError } from './webhooks/errors'
import { createMemoryIdempotencyStore, type IdempotencyStore } from './webhooks/idempotency'
import type { Inbox, InboxContext, TransactionalInbox } from './webhooks/inbox-contract'
import { createListeners, type Handler } from './webhooks/listeners'
import { verifyAndReceive } from './webhooks/pipeline'
import { receive } from './webhooks/receive'
import type { Answer, Logger, Runtime } from './webhooks/runtime'

export interface WebhooksOptions<D extends Definitions = [], I extends Inbox | undefined = Inbox | undefined>
  extends VerificationOptions<D> {
  /** Your own event definitions (`defineEvent`), tried before the built-ins and able to override them. */
  readonly events?: D | undefined
  /** Largest accepted body, enforced while streaming. Default 1 MiB. */
  readonly maxBodyBytes?: number | undefined
  /** How long handlers may run before AIRudder is answered `503` (it waits 10 s). Default 9000. */
  readonly deadlineMs?: number | undefined
  /** Where handled ids are remembered. Default: in memory, the last 10,000 (lost on restart). Unused with an inbox. */
  readonly idempotency?: IdempotencyStore | undefined
  /**
   * A durable inbox: deliveries are stored first and answered `200` at once; a processor runs the
   * handlers with retries. Handlers then run after the response: their context is an
   * `InboxContext` (`{ entry, tx }`) instead of the framework's.
   */
  readonly inbox?: I
  readonly processing?: ProcessingOptions | undefined
  /** Where the kit logs refusals and failures (never keys, signatures or bodies). Default `console`; `false` for none. */
  readonly logger?: Logger | false | undefined
}

type Subscription<D extends Definitions = []> = EventType<D> | EventWildcard<D>

/**
 * The handler context: the framework's `C`, or with an inbox `{ entry, tx }` (`tx` typed by a
 * transactional inbox such as PostgreSQL's, `undefined` otherwise).
 */
type ContextFor<I, C> =
  I extends TransactionalInbox<infer Tx> ? InboxContext<Tx> : I extends Inbox ? InboxContext : C

/** What callers pass to `handle()` & co.: the framework's context, or anything when handlers take none or read an inbox. */
type InputFor<I, C> = I extends Inbox ? unknown : [C] extends [undefined] ? unknown : C

/**
 * The receiver `createWebhooks()` returns: `D` your event definitions, `C` the framework's context
 * handed to every handler, `I` the inbox type (handlers then get `{ entry, tx }` instead of `C`).
 */
export interface Webhooks<D extends Definitions = [], C = unknown, I extends Inbox | undefined = undefined>
  extends Receiver<InputFor<I, C>> {
  /** The inbox, to list, inspect, requeue and prune entries (`undefined` without one). */
  readonly inbox: Inbox | undefined
  /** Runs handlers from the inbox (`undefined` without one). */
  readonly processor: Processor | undefined
  on<const S extends Subscription<D> | readonly Subscription<D>[]>(
    subscription: S,
    handler: (event: EventFor<S, D>, context: ContextFor<I, C>) => unknown,
  ): void
  /** Every event, unknown ones included. */
  onAny(handler: (event: AirudderEvent<D>, context: ContextFor<I, C>) => unknown): void
  /** Handler failures, refused deliveries, schema failures, slow handlers. */
  onError(handler: (error: WebhookError<D>) => unknown): void
  /** Verified deliveries that fail their schema; taking them here answers AIRudder `200`. */
  onInvalid(handler: (invalid: InvalidEvent) => unknown): void
  /**
   * Verified deliveries whose fields drifted from the documented shape (`null`, `coerced`,
   * `unknown_enum`, `unknown_field`, `missing`), per type, before they are handled. Drift is only
   * computed while someone listens.
   */
  onDrift(listener: (report: DriftReport) => unknown): void
  removeListener<const S extends Subscription<D> | readonly Subscription<D>[]>(
    subscription: S,
    handler: (event: EventFor<S, D>, context: ContextFor<I, C>) => unknown,
  ): void
  /**
   * Graceful shutdown (call it on SIGTERM, after your server stopped accepting): stops claiming, lets
   * handlers in hand finish for up to `timeoutMs` (default 10 s), releases what is still running so
   * another replica takes it at once, and closes the inbox if it has `close()` (SQLite's file; a
   * PostgreSQL pool stays yours to end). Without an inbox there is nothing to wait for.
   */
  close(options?: { readonly timeoutMs?: number | undefined }): Promise<void>
  /** Dispatches an event you already hold (from a queue or a replay): dedupe, handlers, answer. */
  receive(event: AirudderEvent<D>, context?: InputFor<I, C>): Promise<Answer>
}

const consoleLogger: Logger = {
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value <= 0) {
    throw new TypeError(`@airudder-webhooks/core: ${name} must be a positive number, got ${value}`)
  }
  return value
}

export function createWebhooks<
  const D extends Definitions = [],
  C = unknown,
  I extends Inbox | undefined = undefined,
>(options: WebhooksOptions<D, I> = {}): Webhooks<D, C, I> {
  let processor: Processor | undefined
  const runtime: Runtime<D> = {
    registry: createRegistry<D>(options.events),
    policy: createVerificationPolicy(options),
    listeners: createListeners(),
    errorListeners: new Set(),
    invalidListeners: new Set(),
    driftListeners: new Set(),
    idempotency: options.idempotency ?? createMemoryIdempotencyStore(),
    inbox: options.inbox,
    processor: { notify: () => processor?.notify() },
    deadlineMs: positive('deadlineMs', options.deadlineMs, 9000),
    maxBodyBytes: positive('maxBodyBytes', options.maxBodyBytes, 1024 * 1024),
    logger: options.logger === false ? undefined : (options.logger ?? consoleLogger),
  }
  warnIfDefaultKey(options.key, runtime.logger)
  if (options.inbox) {
    processor = createProcessor(runtime, options.inbox, options.processing)
    if (options.processing?.autoStart !== false) processor.start()
  }
  const { listeners } = runtime
  const webhooks: Webhooks<D, C, I> = {
    maxBodyBytes: runtime.maxBodyBytes,
    inbox: options.inbox,
    processor,
    logger: runtime.logger,
    on: (subscription, handler) => listeners.add(subscription, handler as Handler),
    onAny: (handler) => listeners.add('*', handler as Handler),
    onError: (handler) => void runtime.errorListeners.add(handler),
    onInvalid: (handler) => void runtime.invalidListeners.add(handler),
    onDrift: (listener) => void runtime.driftListeners.add(listener),
    removeListener: (subscription, handler) => listeners.remove(subscription, handler as Handler),
    receive: async (event, context) => receive(runtime, event, context),
    close: async (closeOptions = {}) => {
      await processor?.stop({ timeoutMs: closeOptions.timeoutMs ?? 10_000 })
      await options.inbox?.close?.()
    },
    verifyAndReceive: async (delivery) => verifyAndReceive(runtime, delivery),
    handle: (request, handleOptions) => handleRequest(webhooks, request, handleOptions),
  }
  return webhooks
}
