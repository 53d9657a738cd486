/**
 * `pnpm bench:instructions`: instructions per delivery for every fixture (kit ÷ `JSON.parse`), written
 * to results/instructions.md and .json. `--baseline` measures with the gate's settings instead and
 * rewrites results/instructions-baseline.json as `baseline.ts` says (commit it with the reason the
 * counts moved).
 */
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { readBaseline, refreshedRows } from './baseline'
import { FULL, GATE, SETTINGS } from './config'
import { measureInstructions } from './measure'
import { table } from './table'

const baseline = process.argv.includes('--baseline')
const measured = await measureInstructions(baseline ? GATE : FULL)
const rows = baseline ? refreshedRows(measured, SETTINGS, readBaseline()) : measured
const report = {
  machine: `${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  date: new Date().toISOString().slice(0, 10),
  settings: SETTINGS,
  rows,
}
const name = baseline ? 'instructions-baseline' : 'instructions'
writeFileSync(new URL(`../../results/${name}.json`, import.meta.url), `${JSON.stringify(report, null, 2)}\n`)
if (!baseline) writeFileSync(new URL(`../../results/${name}.md`, import.meta.url), table(rows))
console.log(table(rows))
