/**
 * @module
 * Where a command writes, and colour that appears only on a terminal: `NO_COLOR` turns it off,
 * `FORCE_COLOR` (other than `0`) turns it on, otherwise each stream colours only when it is a TTY.
 */
import { styleText } from 'node:util'

export interface Output {
  write(text: string): unknown
  readonly isTTY?: boolean | undefined
}

export interface Io {
  readonly stdout: Output
  readonly stderr: Output
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
}

type Style = Parameters<typeof styleText>[0]

export interface Printer {
  line(text?: string): void
  paint(style: Style, text: string): string
}

export function colourEnabled(stream: Output, env: Io['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0'
  return stream.isTTY === true
}

export function printer(stream: Output, env: Io['env']): Printer {
  const colour = colourEnabled(stream, env)
  return {
    line: (text = '') => void stream.write(`${text}\n`),
    paint: (style, text) => (colour ? styleText(style, text) : text),
  }
}

/** Green for 2xx, yellow for 3xx, red otherwise. */
export function statusStyle(status: number): Style {
  if (status >= 200 && status < 300) return 'green'
  return status >= 300 && status < 400 ? 'yellow' : 'red'
}
