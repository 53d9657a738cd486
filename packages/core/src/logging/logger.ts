/**
 * @module
 * The kit's logger: structured fields first, then a message, the way pino (`logger.warn(fields,
 * msg)`) and the console (`console.warn(fields, msg)`) both take them. Fields hold ids, types and
 * counts, never a payload, a key or a signature; error texts in them are passed through
 * `redactText` first, so a handler's own `throw new Error('no answer from +62…')` is logged masked.
 *
 * ```ts
 * import pino from 'pino'
 * const webhooks = createWebhooks({ logger: pino() })
 * ```
 */

/** One log line's structured fields: what a log pipeline indexes. */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>

/** What the kit logs to: pino, the console, or anything with these two methods. */
export interface Logger {
  warn(fields: LogFields, message: string): void
  error(fields: LogFields, message: string): void
}

/** The default: one line per entry on the console, message first, then the fields as JSON. */
export const consoleLogger: Logger = {
  warn: (fields, message) => console.warn(line(fields, message)),
  error: (fields, message) => console.error(line(fields, message)),
}

function line(fields: LogFields, message: string): string {
  const defined = Object.entries(fields).filter(([, value]) => value !== undefined)
  return defined.length === 0 ? message : `${message} ${JSON.stringify(Object.fromEntries(defined))}`
}
