/**
 * @module
 * The shape every command has: a name, a one-line summary, its `--help` text, and `run`, which
 * returns the exit code (usage mistakes are thrown as `UsageError`).
 */
import type { Io } from '../io'

export interface Command {
  readonly name: string
  readonly summary: string
  readonly help: string
  run(args: readonly string[], io: Io): Promise<number>
}

/** Prints a command's help to stdout; exit code 0. */
export function showHelp(io: Io, help: string): number {
  io.stdout.write(`${help}\n`)
  return 0
}
