/**
 * `pnpm bench:instructions:gate` (a `.ci/run` step): measures the gate's fixtures and fails when any
 * fixture's pipeline or `handle(Request)` instructions per delivery rise more than 10 % over
 * results/instructions-baseline.json. A deliberate rise (or a saving to keep) is committed by
 * re-running with `--baseline` and saying why in the commit.
 */
import { measuredWith, readBaseline } from './baseline'
import { GATE, SETTINGS, TOLERANCE } from './config'
import { measureInstructions } from './measure'
import { table } from './table'

const baseline = readBaseline()
if (!measuredWith(baseline, SETTINGS)) {
  console.error('bench: no baseline measured with these settings; run `pnpm bench:instructions --baseline`')
  process.exit(1)
}
const rows = await measureInstructions(GATE)
console.log(table(rows))
const problems: string[] = []
for (const row of rows) {
  const before = baseline.rows.find((old) => old.fixture === row.fixture)
  if (before === undefined) {
    problems.push(`${row.fixture}: not in the baseline; run \`pnpm bench:instructions --baseline\``)
    continue
  }
  for (const key of ['pipeline', 'handle'] as const) {
    const rise = row[key] / before[key] - 1
    const change = `${before[key]} -> ${row[key]} instructions per delivery (${(rise * 100).toFixed(1)} %)`
    console.log(`${row.fixture} ${key}: ${change}`)
    if (rise > TOLERANCE)
      problems.push(`${row.fixture} ${key}: ${change}, over the ${TOLERANCE * 100} % budget`)
  }
}
if (problems.length > 0) {
  console.error(`bench: instruction budget exceeded:\n${problems.join('\n')}`)
  console.error(
    'If the rise is deliberate, run `pnpm bench:instructions --baseline` and commit it with the reason.',
  )
  process.exit(1)
}
console.log('bench: instruction counts within 10 % of the baseline')
