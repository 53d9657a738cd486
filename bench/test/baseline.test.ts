import { describe, expect, it } from 'vitest'
import { type Baseline, refreshedRows } from '../src/instructions/baseline'
import type { InstructionRow } from '../src/instructions/measure'

const settings = { warmup: 2000, counts: [500, 2500] } as const

const row = (fixture: string, pipeline: number, handle: number): InstructionRow => ({
  fixture,
  type: 'workflow.call.completed',
  bytes: 1952,
  json: 100_000,
  pipeline,
  handle,
  pipelineOverJson: pipeline / 100_000,
  handleOverJson: handle / 100_000,
})

describe('refreshedRows (what `bench:instructions --baseline` commits)', () => {
  const committed: Baseline = {
    settings,
    rows: [row('call', 157_320, 309_032), row('session', 834_098, 250_000)],
  }

  it('takes the pipeline as measured and never lowers a handle count', () => {
    const measured = [row('call', 144_365, 257_381), row('session', 826_947, 260_000)]
    expect(refreshedRows(measured, settings, committed)).toEqual([
      { ...row('call', 144_365, 309_032), handleOverJson: 3.09 },
      row('session', 826_947, 260_000),
    ])
  })

  it('takes every count as measured for a fixture without a row, or a baseline of other settings', () => {
    const measured = [row('call', 144_365, 257_381), row('new', 50_000, 150_000)]
    const otherSettings: Baseline = { ...committed, settings: { warmup: 100, counts: [10, 20] } }
    expect(refreshedRows(measured, settings, otherSettings)).toEqual(measured)
    expect(refreshedRows(measured, settings, undefined)).toEqual(measured)
    expect(refreshedRows(measured, settings, committed)[1]).toEqual(measured[1])
  })
})
