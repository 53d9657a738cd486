/**
 * RSS of the Express example (a real process) under sustained load: distinct deliveries, 16 in
 * flight over keep-alive, the server's RSS read from /proc every 20,000. Run after `pnpm build`:
 * `npx tsx packages/faults/scripts/rss.ts 160000`.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { createSender, KEY, numberedDelivery, startServer } from '@airudder-webhooks/conformance'

const dir = fileURLToPath(new URL('../../../examples/express-server/', import.meta.url))
const tsx = createRequire(`${dir}package.json`).resolve('tsx/cli')
const server = await startServer({
  cwd: dir,
  command: process.execPath,
  args: [tsx, 'src/server.ts'],
  env: { AIRUDDER_KEY: KEY },
})
// The example's processes: tsx's wrapper (our child) and the server it runs (its child).
const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync('pgrep', ['-P', String(pid)])
      .toString()
      .trim()
      .split('\n')
      .map(Number)
  } catch {
    return []
  }
}
const pids = childrenOf(process.pid).flatMap((wrapper) => [wrapper, ...childrenOf(wrapper)])
const rssMb = () =>
  Math.max(
    ...pids.map((pid) => {
      try {
        const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
        return Number(kb) / 1024
      } catch {
        return 0
      }
    }),
  )
const sender = createSender(16)
const total = Number(process.argv[2] ?? 160_000)
let next = 0
const row = (n: number) => console.log(`${n}\t${rssMb().toFixed(1)} MB`)
row(0)
const worker = async () => {
  while (next < total) {
    const n = next++
    await sender.post(server.url, numberedDelivery(n, 'rss').body)
    if ((n + 1) % 20_000 === 0) row(n + 1)
  }
}
await Promise.all(Array.from({ length: 16 }, worker))
sender.close()
await server.stop()
