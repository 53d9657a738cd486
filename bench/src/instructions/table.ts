/** @module The instruction counts as a Markdown table. */
import type { InstructionRow } from './measure'

const thousands = (value: number) => value.toLocaleString('en-US')

export function table(rows: readonly InstructionRow[]): string {
  const lines = [
    '| fixture | bytes | `JSON.parse` | pipeline | ÷ parse | `handle(Request)` | ÷ parse |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.fixture} | ${row.bytes} | ${thousands(row.json)} | ${thousands(row.pipeline)} | ${row.pipelineOverJson} | ${thousands(row.handle)} | ${row.handleOverJson} |`,
    ),
  ]
  return `${lines.join('\n')}\n`
}
