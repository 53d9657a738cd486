/**
 * @module
 * The HTTP part of the report: the payloads, each library over the bare route on its own payload,
 * the absolute numbers, and the targets (the kit ≥ 0.9× bare, and ≥ @octokit/webhooks' ratio).
 */
import type { HttpRow, Library, Target } from './http-bench'

const int = (n: number) => Math.round(n).toLocaleString('en-US')
const ratio = (n: number | undefined) => (n === undefined ? '-' : n.toFixed(2))

const RATIO_COLUMNS: readonly [Library, string][] = [
  ['kit', 'kit'],
  ['handwritten', 'hand-written'],
  ['octokit', '@octokit/webhooks'],
  ['svix', 'svix'],
  ['stripe', 'stripe'],
]

const RPS_COLUMNS: readonly [Target, string][] = [
  ['bare', 'bare (AIRudder)'],
  ['handwritten', 'hand-written'],
  ['kit', 'kit'],
  ['bareGithub', 'bare (GitHub)'],
  ['octokit', '@octokit/webhooks'],
  ['bareStripe', 'bare (Stripe)'],
  ['svix', 'svix'],
  ['stripe', 'stripe'],
]

export function httpTargets(rows: readonly HttpRow[]) {
  return rows.flatMap((row) => {
    const name = `${row.framework} ${row.size}`
    const kit = row.overBare.kit ?? 0
    const octokit = row.overBare.octokit
    return [
      { name: `${name}: kit ${ratio(kit)}× bare (≥ 0.9)`, pass: kit >= 0.9 },
      ...(octokit === undefined
        ? []
        : [
            {
              name: `${name}: kit ${ratio(kit)}× bare ≥ @octokit/webhooks ${ratio(octokit)}×`,
              pass: kit >= octokit,
            },
          ]),
    ]
  })
}

export function httpMarkdown(rows: readonly HttpRow[]): string[] {
  const sizes = [...new Map(rows.map((row) => [row.size, row])).values()]
  return [
    "**HTTP** (autocannon over loopback, medians of alternating rounds; bare = read the body, `JSON.parse`, answer `{}`; hand-written = bare plus the signature check and a plain zod schema, written by hand with `node:crypto`; peers = bare plus the library's own verification):",
    '',
    '| size | AIRudder (bare, hand-written, kit) | GitHub (bare, @octokit/webhooks) | Stripe (bare, svix, stripe) |',
    '|---|---|---|---|',
    ...sizes.map(
      (r) =>
        `| ${r.size} | ${r.events.airudder}, ${r.bytes.airudder} B | ${r.events.github}, ${r.bytes.github} B | ${r.events.stripe}, ${r.bytes.stripe} B |`,
    ),
    '',
    'Each library over the bare route on its own payload (requests per second):',
    '',
    ...ratioTable(rows, (r) => r.overBare),
    '',
    "The same ratios from the server's CPU time per request (bare's µs over the library's; a busy machine moves them less; Next.js does not report it):",
    '',
    ...ratioTable(rows, (r) => r.overBareCpu),
    '',
    'Requests per second:',
    '',
    `| framework | size | ${RPS_COLUMNS.map(([, name]) => name).join(' | ')} | kit / hand-written | bare p50/p99 ms | kit p50/p99 ms | non-2xx |`,
    `|---|---|${RPS_COLUMNS.map(() => '---:').join('|')}|---:|---:|---:|---:|`,
    ...rows.map((r) => {
      const run = (target: Target) => r.runs[target]
      const latency = (target: Target) => `${run(target)?.p50 ?? '-'}/${run(target)?.p99 ?? '-'}`
      const failed = Object.values(r.runs).reduce((sum, each) => sum + each.non2xx, 0)
      return `| ${r.framework} | ${r.size} | ${RPS_COLUMNS.map(([target]) => {
        const rps = run(target)?.requestsPerSecond
        return rps === undefined ? '-' : int(rps)
      }).join(' | ')} | ${ratio(r.kitOverHandwritten)} | ${latency('bare')} | ${latency('kit')} | ${failed} |`
    }),
    '',
    'Server CPU per request (µs):',
    '',
    `| framework | size | ${RPS_COLUMNS.map(([, name]) => name).join(' | ')} |`,
    `|---|---|${RPS_COLUMNS.map(() => '---:').join('|')}|`,
    ...rows.map((r) => {
      const micros = (target: Target) => r.runs[target]?.cpuMicros
      return `| ${r.framework} | ${r.size} | ${RPS_COLUMNS.map(([target]) => micros(target)?.toFixed(1) ?? '-').join(' | ')} |`
    }),
  ]
}

function ratioTable(rows: readonly HttpRow[], ratios: (row: HttpRow) => HttpRow['overBare']): string[] {
  return [
    `| framework | size | ${RATIO_COLUMNS.map(([, name]) => `${name} / bare`).join(' | ')} |`,
    `|---|---|${RATIO_COLUMNS.map(() => '---:').join('|')}|`,
    ...rows.map(
      (r) =>
        `| ${r.framework} | ${r.size} | ${RATIO_COLUMNS.map(([library]) => ratio(ratios(r)[library])).join(' | ')} |`,
    ),
  ]
}
