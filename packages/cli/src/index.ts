/**
 * @module
 * `@airudder-webhooks/cli`: the `airudder-webhooks` command (send, replay, verify,
 * detect-signature, schema), and its pieces as functions.
 *
 * ```ts
 * import { detectSignature, eventJsonSchemas, run } from '@airudder-webhooks/cli'
 * const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }
 * const code = await run(['schema', 'pds.task.status'], io)
 * ```
 */
export { EXIT, UsageError } from './args'
export { type DetectInput, detectSignature, type SignatureMatch } from './detect'
export type { Io, Output } from './io'
export {
  type EventJsonSchema,
  eventJsonSchema,
  eventJsonSchemas,
  fileName,
  type JsonSchema,
  schemaDefinitions,
} from './json-schema'
export { COMMANDS, run, VERSION } from './run'
