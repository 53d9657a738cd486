/**
 * `pnpm bench` (full) or `pnpm bench:smoke` (tiny counts, so CI keeps it from rotting): runs the
 * core, HTTP and memory benchmarks and writes results/latest.md and results/latest.json
 * (smoke runs write results/smoke.*, which git ignores).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { coreBench } from './core-bench'
import { httpBench } from './http-bench'
import { markdown, type Report } from './report'

const smoke = process.argv.includes('--smoke')
const benchDir = fileURLToPath(new URL('..', import.meta.url))

const core = await coreBench(smoke ? { rounds: 1, roundMs: 20 } : { rounds: 5, roundMs: 400 })
const http = await httpBench(
  smoke
    ? { rounds: 1, seconds: 1, connections: 4, deliveries: 20 }
    : { rounds: 3, seconds: 5, connections: 10, deliveries: 2000 },
)
const checkpoints = smoke ? ['100', '1000'] : ['1000', '100000']
const memoryOut = execFileSync(
  process.execPath,
  ['--expose-gc', '--import', 'tsx', 'src/memory-bench.ts', '--child', ...checkpoints],
  {
    cwd: benchDir,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  },
)
const memory = JSON.parse(memoryOut.trim().split('\n').at(-1) ?? '[]')

const cpu = cpus()[0]?.model ?? 'unknown CPU'
const report: Report = {
  machine: `${cpus().length} × ${cpu}, Node ${process.version}`,
  date: new Date().toISOString().slice(0, 10),
  smoke,
  core,
  http,
  memory,
}
const name = smoke ? 'smoke' : 'latest'
mkdirSync(new URL('../results/', import.meta.url), { recursive: true })
writeFileSync(new URL(`../results/${name}.json`, import.meta.url), `${JSON.stringify(report, null, 2)}\n`)
writeFileSync(new URL(`../results/${name}.md`, import.meta.url), markdown(report))
console.log(markdown(report))
