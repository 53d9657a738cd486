import { describe, expect, it } from 'vitest'
import type { InstructionRow } from '../src/instructions/measure'
import { table } from '../src/instructions/table'

const row: InstructionRow = {
  fixture: 'call.json',
  type: 'workflow.call.completed',
  bytes: 1952,
  json: 80_000,
  pipeline: 140_000,
  handle: 260_000,
  pipelineOverJson: 1.75,
  handleOverJson: 3.25,
}
const floors = { verified: 88_000, bareRoute: 200_000, verifiedOverJson: 1.1, bareRouteOverJson: 2.5 }

describe('table (results/instructions.md)', () => {
  it('prints the floors as three more columns when every row has them', () => {
    const [head, , line] = table([{ ...row, floors }]).split('\n')
    expect(head).toContain('| least verifying ÷ parse | bare Web route | ÷ parse |')
    expect(line).toBe('| call.json | 1952 | 80,000 | 140,000 | 1.75 | 260,000 | 3.25 | 1.1 | 200,000 | 2.5 |')
  })

  it('leaves them out when a row was measured without them (the CI gate)', () => {
    const lines = table([row, { ...row, fixture: 'other.json', floors }]).split('\n')
    expect(lines[0]?.endsWith('| `handle(Request)` | ÷ parse |')).toBe(true)
    expect(lines[2]).toBe('| call.json | 1952 | 80,000 | 140,000 | 1.75 | 260,000 | 3.25 |')
    expect(lines[3]).toBe('| other.json | 1952 | 80,000 | 140,000 | 1.75 | 260,000 | 3.25 |')
  })
})
