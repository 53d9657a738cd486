/**
 * @module
 * Interleaved measurement: the candidates of one comparison run in alternating rounds (A B C A B
 * C …) so a slow moment of the machine hits all of them, and each result is the median round.
 */
export interface Candidate {
  readonly name: string
  /** One operation; may be async. */
  readonly run: () => unknown
}

export interface Measured {
  readonly name: string
  readonly opsPerSecond: number
}

const now = () => performance.now()

async function round(candidate: Candidate, ms: number): Promise<number> {
  let ops = 0
  const start = now()
  let elapsed = 0
  while (elapsed < ms) {
    for (let i = 0; i < 50; i++) {
      const result = candidate.run()
      if (result instanceof Promise) await result
    }
    ops += 50
    elapsed = now() - start
  }
  return (ops * 1000) / elapsed
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

export async function compare(
  candidates: readonly Candidate[],
  rounds: number,
  roundMs: number,
): Promise<Measured[]> {
  for (const candidate of candidates) await round(candidate, Math.min(roundMs, 100)) // warm-up
  const samples = candidates.map(() => [] as number[])
  for (let r = 0; r < rounds; r++) {
    for (const [index, candidate] of candidates.entries())
      samples[index]?.push(await round(candidate, roundMs))
  }
  return candidates.map((candidate, index) => ({
    name: candidate.name,
    opsPerSecond: median(samples[index] ?? []),
  }))
}
