import { describe, expect, it } from 'vitest'
import { type CallDetail, parseCallDetail, parseTaskDetail } from '../src/schemas'
import { fixtureJson } from './fixtures'

/** The same call written the way the pull API writes it: `case_id`, amounts as numbers. */
function asPullApiDetail(pushDetail: Record<string, unknown>) {
  const { CaseID, BorrowedAmount, TotalOwingAmount, ...rest } = pushDetail
  return {
    ...rest,
    case_id: CaseID,
    BorrowedAmount: Number(BorrowedAmount),
    TotalOwingAmount: Number(TotalOwingAmount),
  }
}

describe('CallDetail: one type for the push and the pull API', () => {
  it('parses the push detail and the pull-API form of the same data to equal values', () => {
    const push = fixtureJson('workflow-call-completed.json').Details[0]
    const fromPush: CallDetail = parseCallDetail(push)
    const fromPull: CallDetail = parseCallDetail(asPullApiDetail(push))
    expect(fromPull).toEqual(fromPush)
    expect(fromPush).toMatchObject({
      CaseID: '7777777.0',
      BorrowedAmount: '20000',
      TotalOwingAmount: '20310',
    })
    expect(fromPull).not.toHaveProperty('case_id')
  })

  it('reads the published task-detail response into the same CallDetail shape', () => {
    const { data, code } = parseTaskDetail(fixtureJson('api-workflow-taskdetail-response.json'))
    expect(code).toBe(200)
    expect(data.Status).toBe('finished')
    const [detail] = data.detail
    expect(detail).toMatchObject({
      CaseID: '123456.0',
      BorrowedAmount: '20000',
      TotalOwingAmount: '20310',
      CallTimes: 4,
      RingType: 'normal',
      NerSlots: { PaymentMethod: 'Transfer', PaymentTime: 'Time_0' },
    })
    expect(detail?.RedailCall?.map((call) => call.RingTime)).toEqual([0, 9, 0])
  })

  it('gives both sources the same keys for the fields they share', () => {
    const push = parseCallDetail(fixtureJson('workflow-call-completed.json').Details[0])
    const pull = parseTaskDetail(fixtureJson('api-workflow-taskdetail-response.json')).data
      .detail[0] as CallDetail
    const pushKeys = Object.keys(push).filter((key) => key !== 'Variables')
    expect(Object.keys(pull).sort()).toEqual(pushKeys.sort())
  })

  it.each(['canceled', 'calling', 'paused'])('accepts the pull API task Status %j', (status) => {
    const json = fixtureJson('api-workflow-taskdetail-response.json')
    json.data.Status = status
    expect(parseTaskDetail(json).data.Status).toBe(status)
  })

  it('reads the misspelt `wokflow_id` of the API field list as workflow_id', () => {
    const json = fixtureJson('api-workflow-taskdetail-response.json')
    json.data.wokflow_id = json.data.workflow_id
    delete json.data.workflow_id
    const { data } = parseTaskDetail(json)
    expect(data.workflow_id).toBe('61eff70exxxxxxxxx1bfcbb6a58ea')
    expect(data).not.toHaveProperty('wokflow_id')
  })

  it('throws a ZodError naming the field when a detail is broken', () => {
    expect(() =>
      parseCallDetail({ ...fixtureJson('workflow-call-completed.json').Details[0], CallID: 42 }),
    ).toThrow(/CallID/)
  })
})
