/**
 * @module
 * The start-up warning for AIRudder's public default KEY: with no `key`, call completions and QA
 * reports signed with `airudder` (which anyone can compute) are accepted. Passing `key` (even
 * `'airudder'`) says it is deliberate and silences it. Once per logger, so tests and apps that
 * build many receivers are not flooded.
 */
import type { Logger } from './runtime'

const warned = new WeakSet<Logger>()

export const DEFAULT_KEY_WARNING =
  "@airudder-webhooks/core: WARNING: no KEY is set, so deliveries signed with AIRudder's public default " +
  "KEY 'airudder' are accepted: anyone can forge them. Set createWebhooks({ key }) (or AIRUDDER_KEY with " +
  "optionsFromEnv) to the KEY configured in AIRudder's console, or pass key: 'airudder' to keep the default deliberately."

export function warnIfDefaultKey(key: unknown, logger: Logger | undefined): void {
  if (key !== undefined || logger === undefined || warned.has(logger)) return
  warned.add(logger)
  logger.warn(DEFAULT_KEY_WARNING)
}
