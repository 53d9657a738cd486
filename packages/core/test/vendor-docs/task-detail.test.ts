/**
 * The pull API's task detail, parsed from every variant its field table allows (see
 * `variants.ts`): the same `CallDetail` values as the push, `case_id` read as `CaseID`.
 */
import { describe, expect, it } from 'vitest'
import { decode } from '../../src/index'
import { parseTaskDetail } from '../../src/schemas'
import { fixtureJson } from '../fixtures'
import { TASK_DETAIL } from './field-tables'
import { bodyText, type Variant, variantsOf } from './variants'

type Json = Record<string, unknown>

/** The response as `parseTaskDetail` gives it: each call's `case_id` is its `CaseID`. */
function asParsed(expected: unknown): unknown {
  const { data, ...rest } = expected as Json
  const { detail, ...task } = data as Json
  const calls = (detail as Json[]).map(({ case_id, ...call }) => ({ ...call, CaseID: case_id }))
  return { ...rest, data: { ...task, detail: calls } }
}

describe('pull API task detail, from its field table', () => {
  const variants = variantsOf(TASK_DETAIL, fixtureJson('api-workflow-taskdetail-response.json'))

  it.each(variants.map((variant) => [variant.name, variant] as const))(
    '%s: parsed with exact values',
    (_name, variant: Variant) => {
      const decoded = decode(bodyText(variant.sent))
      if (!decoded.ok) throw new Error(decoded.message)
      expect(parseTaskDetail(decoded.json)).toEqual(asParsed(variant.expected))
    },
  )

  it('keeps every digit of a call id beyond 2^53 and reads amounts sent as numbers as decimal strings', () => {
    const big = variants.find((variant) => variant.name === 'integers beyond 2^53')
    const decoded = decode(bodyText(big?.sent))
    if (!decoded.ok) throw new Error(decoded.message)
    const { data } = parseTaskDetail(decoded.json)
    expect(bodyText(big?.sent)).toContain('"TaskID":2123875204123456789')
    expect(data.TaskID).toBe('2123875204123456789')
    expect(data.detail[0]?.id).toBe('2123875204123456791')
    const published = parseTaskDetail(fixtureJson('api-workflow-taskdetail-response.json')).data.detail[0]
    expect([published?.BorrowedAmount, published?.TotalOwingAmount, published?.CaseID]).toEqual([
      '20000',
      '20310',
      '123456.0',
    ])
  })
})
