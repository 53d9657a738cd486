/**
 * @module
 * Each fault case records what it measured as one JSON line in `.out/faults.jsonl` (next to the
 * package) and prints it, so the README's fault table is copied from a run, not written by hand.
 */
import { appendFileSync, mkdirSync } from 'node:fs'

const OUT = new URL('../.out/', import.meta.url)

export function record(fault: string, measured: Record<string, unknown>): void {
  const line = JSON.stringify({ fault, ...measured })
  mkdirSync(OUT, { recursive: true })
  appendFileSync(new URL('faults.jsonl', OUT), `${line}\n`)
  console.log(`FAULT ${line}`)
}
