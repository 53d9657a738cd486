/**
 * @module
 * The committed baseline the CI gate compares with (`results/instructions-baseline.json`), and how a
 * `--baseline` run refreshes it. Pipeline counts agree within 3 % between runs, so they are taken as
 * measured. `handle(Request)` counts move by up to 18 % (they subtract two counts of building and
 * reading Web streams, whose garbage collection falls unevenly), so each keeps the higher of the new
 * reading and the committed one: a baseline set at a low reading would fail CI on noise. To lower a
 * handle count deliberately, delete its row before refreshing.
 */
import { existsSync, readFileSync } from 'node:fs'
import { type InstructionRow, type MeasureSettings, round } from './measure'

const BASELINE_FILE = new URL('../../results/instructions-baseline.json', import.meta.url)

export interface Baseline {
  readonly settings: MeasureSettings
  readonly rows: readonly InstructionRow[]
}

/** Whether `baseline` was measured with `settings` (counts measured otherwise are not comparable). */
export function measuredWith(
  baseline: Baseline | undefined,
  settings: MeasureSettings,
): baseline is Baseline {
  return baseline !== undefined && JSON.stringify(baseline.settings) === JSON.stringify(settings)
}

export function readBaseline(): Baseline | undefined {
  return existsSync(BASELINE_FILE) ? (JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Baseline) : undefined
}

/** The rows a `--baseline` run commits: measured pipeline counts, each handle count never lowered. */
export function refreshedRows(
  measured: readonly InstructionRow[],
  settings: MeasureSettings,
  previous: Baseline | undefined,
): InstructionRow[] {
  const comparable = measuredWith(previous, settings)
  return measured.map((row) => {
    const before = comparable ? previous.rows.find((old) => old.fixture === row.fixture) : undefined
    if (before === undefined || before.handle <= row.handle) return row
    return { ...row, handle: before.handle, handleOverJson: round(before.handle / row.json) }
  })
}
