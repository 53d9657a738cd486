/**
 * `pnpm bench` (full) or `pnpm bench:smoke` (tiny counts, so CI keeps it from rotting): runs the
 * core, HTTP, slow-handler and memory benchmarks and writes results/latest.md and results/latest.json
 * (smoke runs write results/smoke.*, which git ignores).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { coreBench } from './core-bench'
import { httpBench } from './http-bench'
import { memoryChild } from './memory-bench'
import { markdown, type Report } from './report'
import { slowBench } from './slow-bench'

const smoke = process.argv.includes('--smoke')

const core = await coreBench(smoke ? { rounds: 1, roundMs: 20 } : { rounds: 5, roundMs: 400 })
const http = await httpBench(
  smoke
    ? { rounds: 1, length: { requests: 200 }, connections: 4, deliveries: 20 }
    : { rounds: 5, length: { seconds: 1 }, connections: 10, deliveries: 2000 },
)
const slow = await slowBench(
  smoke
    ? { delayMs: 50, concurrency: 16, seconds: 1, connections: 10, drainMs: 1000 }
    : { delayMs: 2000, concurrency: 16, seconds: 10, connections: 10, drainMs: 5000 },
)
const checkpoints = smoke ? [100, 1000] : [1000, 100_000]
const memory = memoryChild(checkpoints)

const cpu = cpus()[0]?.model ?? 'unknown CPU'
const report: Report = {
  machine: `${cpus().length} × ${cpu}, Node ${process.version}`,
  date: new Date().toISOString().slice(0, 10),
  smoke,
  minutes: Math.round(process.uptime() / 6) / 10,
  core,
  http,
  slow,
  memory,
}
const name = smoke ? 'smoke' : 'latest'
mkdirSync(new URL('../results/', import.meta.url), { recursive: true })
writeFileSync(new URL(`../results/${name}.json`, import.meta.url), `${JSON.stringify(report, null, 2)}\n`)
writeFileSync(new URL(`../results/${name}.md`, import.meta.url), markdown(report))
console.log(markdown(report))
