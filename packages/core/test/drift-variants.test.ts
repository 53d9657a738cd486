import { describe, expect, it } from 'vitest'
import { parse } from '../src/index'
import { fixtureJson, pushFixtures } from './fixtures'

function parsed(json: unknown): any {
  const result = parse(JSON.stringify(json))
  if (!result.ok)
    throw new Error(`expected a valid event: ${JSON.stringify(result.invalid?.issues ?? result)}`)
  return result.event.payload
}

describe('drift tolerance on every fixture', () => {
  it.each(pushFixtures)('$file keeps unknown fields, top-level and nested', ({ file }) => {
    const json = fixtureJson(file)
    json.added_by_airudder_later = { nested: [1, 'two'] }
    const payload = parsed(json)
    expect(payload.added_by_airudder_later).toEqual({ nested: [1, 'two'] })
  })

  it('keeps unknown fields inside call details, messages and PDS bodies', () => {
    const call = fixtureJson('workflow-call-completed.json')
    call.Details[0].NewCountryField = 'id-ID'
    expect(parsed(call).Details[0].NewCountryField).toBe('id-ID')

    const chat = fixtureJson('workflow-chatbot-session-ended.json')
    chat.messages[0].content.system.extra = true
    expect(parsed(chat).messages[0].content.system.extra).toBe(true)

    const pds = fixtureJson('pds-contact-status.json')
    pds.pds.body.queueName = 'q1'
    expect(parsed(pds).body.queueName).toBe('q1')
  })

  it.each(['cancelled', 'canceled', 'rescheduled'])('accepts call Status %j', (status) => {
    const json = fixtureJson('workflow-call-completed.json')
    json.Details[0].Status = status
    expect(parsed(json).Details[0].Status).toBe(status)
  })

  const newEnumValues: [file: string, path: (string | number)[], value: string][] = [
    ['workflow-chatbot-session-ended.json', ['session_end_reason'], 'timeout'],
    ['workflow-chatbot-session-ended.json', ['messages', 1, 'status'], 'failed'],
    ['workflow-chatbot-session-ended.json', ['messages', 1, 'sender_type'], 'bot_v2'],
    ['evidence/pds-agent-status.bare.json', ['body', 'State'], 'BREAK'],
    ['evidence/pds-contact-status.bare.json', ['body', 'state'], 'QUEUED'],
    ['workflow-call-completed.json', ['Details', 0, 'HangupType'], 'ByNetwork'],
  ]
  it.each(newEnumValues)('%s accepts a new value at %j', (file, path, value) => {
    const json = fixtureJson(file)
    const last = path.at(-1) as string | number
    path.slice(0, -1).reduce((node, key) => node[key], json)[last] = value
    expect(path.reduce((node: any, key) => node[key], parsed(json))).toBe(value)
  })

  it('keeps RingType "null" as sent, and accepts a JSON null', () => {
    const json = fixtureJson('workflow-call-completed.json')
    json.Details[0].RingType = 'null'
    json.Details[0].RedailCall[0].RingType = null
    const payload = parsed(json)
    expect(payload.Details[0].RingType).toBe('null')
    expect(payload.Details[0].RedailCall[0].RingType).toBeNull()
  })

  const perCountry = [
    'AsrResult',
    'EventLabel',
    'NerSlots',
    'RedailCall',
    'RingTime',
    'TalkRound',
    'intention_description',
    'caller_number',
    'Variables',
  ]
  it.each(perCountry)('accepts a call detail without the per-country field %s', (field) => {
    const json = fixtureJson('workflow-call-completed.json')
    delete json.Details[0][field]
    const detail = parsed(json).Details[0]
    expect(detail).not.toHaveProperty(field)
    expect(detail.CallID).toBe('cad907xxxxxxxx35644a')
  })

  it('normalises numbers that arrive as strings or numbers one way', () => {
    const asStrings = fixtureJson('workflow-call-completed.json')
    Object.assign(asStrings.Details[0], { id: '2123875204', CallTimes: '2', RingTime: '5', TalkRound: '0' })
    const asNumbers = fixtureJson('workflow-call-completed.json')
    Object.assign(asNumbers.Details[0], { BorrowedAmount: 20000, TotalOwingAmount: 20310, RobotID: 4585 })
    const original = parsed(fixtureJson('workflow-call-completed.json')).Details[0]
    expect(parsed(asStrings).Details[0]).toEqual(original)
    expect(parsed(asNumbers).Details[0]).toEqual(original)
    expect(original).toMatchObject({
      id: '2123875204',
      CallTimes: 2,
      BorrowedAmount: '20000',
      TotalOwingAmount: '20310',
      RobotID: '4585',
    })
  })

  it('normalises PDS and chatbot numbers the same way in both forms', () => {
    const pds = fixtureJson('pds-contact-status.json')
    expect(parsed(pds).body).toMatchObject({ timestamp: 1668998317236, hangupReason: 8 })
    pds.pds.body.timestamp = 1668998317236
    pds.pds.body.hangupReason = '8'
    expect(parsed(pds).body).toMatchObject({ timestamp: 1668998317236, hangupReason: 8 })

    const chat = fixtureJson('workflow-chatbot-session-ended.json')
    chat.timestamp = '1744699269'
    chat.robot_id = 4755
    expect(parsed(chat)).toMatchObject({ timestamp: 1744699269, robot_id: '4755' })
  })

  it('turns QA numbers-as-strings into numbers and decimals', () => {
    const qa = parsed(fixtureJson('evidence/qa-recording-reported.json'))
    expect(qa.QADetail[0]).toMatchObject({ Size: '1.2', Length: '42', Words: 10 })
    expect(qa.QADetail[0].AsrResults[0]).toMatchObject({ Channel: '1', Begin: 500, End: 2500, Words: 3 })
    expect(qa.QADetail[0].Scores[0].Score).toBe('1/2')
  })

  it('lifts both PDS forms to one payload shape', () => {
    const wrapped = parsed(fixtureJson('pds-contact-status.json'))
    expect(wrapped).toMatchObject({
      type: 'ContactStatus',
      workflow_id: '2b6951a25b434657b94d4d60d96fcf18',
      nodetask_name: 'PDS1_cc18c2',
    })
    expect(wrapped).not.toHaveProperty('pds')
    const bare = parsed(fixtureJson('evidence/pds-contact-status.bare.json'))
    expect(bare).toMatchObject({
      type: 'ContactStatus',
      body: { callid: 'fedcba9876543210fedcba9876543210', state: 'HANGUP' },
    })
    expect(bare).not.toHaveProperty('workflow_id')
  })

  it('rejects a number that cannot be normalised losslessly, with the JSON path', () => {
    const json = fixtureJson('workflow-call-completed.json')
    json.Details[0].CallTimes = '2.5'
    json.Details[0].TalkRound = 'twice'
    const result = parse(JSON.stringify(json))
    expect(result.ok).toBe(false)
    expect(result.invalid?.type).toBe('workflow.call.completed')
    expect(result.invalid?.issues.map((issue) => issue.path)).toEqual([
      'Details.0.CallTimes',
      'Details.0.TalkRound',
    ])
  })
})
