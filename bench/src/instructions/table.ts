/** @module The instruction counts as a Markdown table (with the floors' columns when they were measured). */
import type { InstructionRow } from './measure'

const thousands = (value: number) => value.toLocaleString('en-US')

export function table(rows: readonly InstructionRow[]): string {
  const withFloors = rows.every((row) => row.floors !== undefined)
  const floorHead = withFloors ? ' least verifying ÷ parse | bare Web route | ÷ parse |' : ''
  const floorRule = withFloors ? '---:|---:|---:|' : ''
  const floorCells = ({ floors }: InstructionRow) =>
    withFloors && floors
      ? ` ${floors.verifiedOverJson} | ${thousands(floors.bareRoute)} | ${floors.bareRouteOverJson} |`
      : ''
  const lines = [
    `| fixture | bytes | \`JSON.parse\` | pipeline | ÷ parse | \`handle(Request)\` | ÷ parse |${floorHead}`,
    `|---|---:|---:|---:|---:|---:|---:|${floorRule}`,
    ...rows.map(
      (row) =>
        `| ${row.fixture} | ${row.bytes} | ${thousands(row.json)} | ${thousands(row.pipeline)} | ${row.pipelineOverJson} | ${thousands(row.handle)} | ${row.handleOverJson} |${floorCells(row)}`,
    ),
  ]
  return `${lines.join('\n')}\n`
}
