/**
 * @module
 * `run(argv, io)`: the whole CLI as a function returning its exit code, so the binary is a
 * two-line wrapper and every behaviour can be driven without a process.
 */
import { EXIT, UsageError } from './args'
import type { Command } from './commands/command'
import { detectSignatureCommand } from './commands/detect-signature'
import { reconcile } from './commands/reconcile'
import { replay } from './commands/replay'
import { schema } from './commands/schema'
import { send } from './commands/send'
import { simulate } from './commands/simulate'
import { verify } from './commands/verify'
import { type Io, printer } from './io'

export const VERSION = '0.1.0'

export const COMMANDS: readonly Command[] = [
  send,
  replay,
  verify,
  detectSignatureCommand,
  schema,
  simulate,
  reconcile,
]

const help = `Usage: airudder-webhooks <command> [options]

Developer tools for AIRudder webhooks.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(18)}${command.summary}`).join('\n')}

Run 'airudder-webhooks <command> --help' for a command's options.

Exit codes: 0 success, 1 the check failed or the receiver refused, 2 usage error,
3 receiver unreachable (send).`

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...args] = argv
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${help}\n`)
    return EXIT.ok
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`)
    return EXIT.ok
  }
  const err = printer(io.stderr, io.env)
  const command = COMMANDS.find((candidate) => candidate.name === name)
  if (command === undefined) {
    err.line(
      name === undefined
        ? 'airudder-webhooks: missing command'
        : `airudder-webhooks: unknown command "${name}"`,
    )
    err.line()
    err.line(help)
    return EXIT.usage
  }
  try {
    return await command.run(args, io)
  } catch (error) {
    if (error instanceof UsageError) {
      err.line(`airudder-webhooks ${error.command}: ${error.message}`)
      err.line(`Run 'airudder-webhooks ${error.command} --help' for usage.`)
      return EXIT.usage
    }
    err.line(`airudder-webhooks ${command.name}: ${(error as Error).message}`)
    return EXIT.failed
  }
}
