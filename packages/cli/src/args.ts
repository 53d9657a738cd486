/**
 * @module
 * Argument parsing for every command (Node's `parseArgs`, strict), usage errors (exit code 2),
 * and the small value parsers commands share: durations, `Name=Value` headers, numbers.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util'

/** Exit codes: 0 success, 1 the check failed or the receiver refused, 2 usage, 3 receiver unreachable. */
export const EXIT = { ok: 0, failed: 1, usage: 2, unreachable: 3 } as const

/** A mistake in how the command was called; printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  readonly command: string
  constructor(command: string, message: string) {
    super(message)
    this.name = 'UsageError'
    this.command = command
  }
}

type Strict = { readonly strict: true; readonly allowPositionals: true }

export function parseCommand<const T extends ParseArgsConfig>(
  command: string,
  config: T,
): ReturnType<typeof parseArgs<T & Strict>> {
  try {
    return parseArgs<T & Strict>({ ...config, strict: true, allowPositionals: true })
  } catch (error) {
    throw new UsageError(command, (error as Error).message)
  }
}

/** `60s`, `1m`, `250ms`, `1.5s`, or a bare number of seconds, as milliseconds. */
export function parseDuration(command: string, option: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim())
  if (!match)
    throw new UsageError(command, `--${option} must be a duration such as 60s, 1m or 250ms (got "${text}")`)
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? 's') as 'ms' | 's' | 'm' | 'h']
  return Number(match[1]) * unit
}

export function parseNumber(command: string, option: string, text: string, { integer = false } = {}): number {
  const value = Number(text)
  const valid = text.trim() !== '' && Number.isFinite(value) && (!integer || Number.isInteger(value))
  if (!valid || value < 0 || (!integer && value === 0)) {
    const kind = integer ? 'a whole number ≥ 0' : 'a number > 0'
    throw new UsageError(command, `--${option} must be ${kind} (got "${text}")`)
  }
  return value
}

/** `--header 'Name=Value'` (or `Name: Value`), repeatable, into a header record. */
export function parseHeaders(command: string, values: readonly string[] | undefined): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const value of values ?? []) {
    const match = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(value)
    if (!match?.[1]) throw new UsageError(command, `--header must look like Name=Value (got "${value}")`)
    headers[match[1].toLowerCase()] = match[2] ?? ''
  }
  return headers
}

export function requireOption(command: string, option: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new UsageError(command, `--${option} is required`)
  return value
}

export function parseUrl(command: string, text: string): URL {
  try {
    const url = new URL(text)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url
  } catch {}
  throw new UsageError(command, `--url must be an absolute http(s) URL (got "${text}")`)
}
