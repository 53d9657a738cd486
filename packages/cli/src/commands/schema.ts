/**
 * @module
 * `airudder-webhooks schema [type]`: the JSON Schema (draft 2020-12) of one event type, or of all
 * of them as one object keyed by type. The same schemas are committed under `packages/core/schemas/`.
 */
import { EXIT, parseCommand, UsageError } from '../args'
import type { Io } from '../io'
import { eventJsonSchemas } from '../json-schema'
import { type Command, showHelp } from './command'

const types = () =>
  eventJsonSchemas().map((entry) => (entry.type === 'chatbot.*' ? 'chatbot.<event>' : entry.type))

const help = () => `Usage: airudder-webhooks schema [type]

Prints the JSON Schema (draft 2020-12) of an event type's payload as AIRudder sends it, or of
every type as one JSON object keyed by type.

Types: ${types().join(', ')}

Exit codes: 0 printed, 2 usage error (unknown type).

Example:
  airudder-webhooks schema workflow.call.completed > workflow.call.completed.schema.json`

async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('schema', {
    args: [...args],
    options: { help: { type: 'boolean', short: 'h' } },
  })
  if (values.help) return showHelp(io, help())
  if (positionals.length > 1) throw new UsageError('schema', 'expected at most one type')
  const all = eventJsonSchemas()
  const [wanted] = positionals
  if (wanted === undefined) {
    const byType = Object.fromEntries(all.map((entry) => [entry.schema.title, entry.schema]))
    io.stdout.write(`${JSON.stringify(byType, null, 2)}\n`)
    return EXIT.ok
  }
  const generic = wanted.startsWith('chatbot.') ? all.find((entry) => entry.type === 'chatbot.*') : undefined
  const found = all.find((entry) => entry.type === wanted) ?? generic
  if (found === undefined)
    throw new UsageError('schema', `unknown event type "${wanted}"; types: ${types().join(', ')}`)
  io.stdout.write(`${JSON.stringify(found.schema, null, 2)}\n`)
  return EXIT.ok
}

export const schema: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of one or every event type',
  get help() {
    return help()
  },
  run,
}
