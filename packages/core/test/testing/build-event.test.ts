import { describe, expect, it } from 'vitest'
import { parse } from '../../src/index'
import { buildEvent, SAMPLE_TYPES } from '../../src/testing/index'
import { fixtureJson, pushFixtures } from '../fixtures'

const parsed = (payload: unknown) => {
  const result = parse(JSON.stringify(payload))
  if (!result.ok) throw new Error(`does not parse: ${JSON.stringify(result)}`)
  return result.event
}

describe('buildEvent', () => {
  it('has a sample of every built-in type', () => {
    expect([...SAMPLE_TYPES].sort()).toEqual([...new Set(pushFixtures.map((fixture) => fixture.type))].sort())
  })

  it.each(SAMPLE_TYPES)('builds a %s payload that parses to that type', (type) => {
    expect(parsed(buildEvent(type)).type).toBe(type)
  })

  it('builds a generic chatbot.<event> report that parses to that type', () => {
    const payload = buildEvent('chatbot.session.started')
    expect(payload.event).toBe('session.started')
    expect(parsed(payload).type).toBe('chatbot.session.started')
  })

  it.each(SAMPLE_TYPES)('ships the published %s example unchanged', (type) => {
    const files = pushFixtures
      .filter((fixture) => fixture.type === type)
      .map((fixture) => fixtureJson(fixture.file))
    expect(files).toContainEqual(buildEvent(type))
  })

  it('returns a fresh copy every time', () => {
    const first = buildEvent('workflow.call.completed')
    first.Details[0]!.CallID = 'changed'
    expect(buildEvent('workflow.call.completed').Details[0]!.CallID).not.toBe('changed')
  })

  it('deep-merges overrides into nested objects, keeping the other fields', () => {
    const payload = buildEvent('pds.contact.status', { pds: { body: { state: 'ANSWERED' } } })
    expect(payload.pds.body.state).toBe('ANSWERED')
    expect(payload.pds.body.callid).toBe('48ff2faa9de34c0387eb688468d563a5')
    expect(payload.workflow_name).toBe('pds-test20')
    const event = parsed(payload)
    expect(event.type === 'pds.contact.status' && event.payload.body.state).toBe('ANSWERED')
  })

  it('merges each object of an overriding array over the sample element, so partial elements stay valid', () => {
    const payload = buildEvent('workflow.call.completed', {
      TaskID: 'task-1',
      Details: [{ CallID: 'a', Intention: 'A' }, { CallID: 'b' }],
    })
    expect(payload.Details.map((detail) => [detail.CallID, detail.Intention])).toEqual([
      ['a', 'A'],
      ['b', 'E'],
    ])
    expect(payload.Details[1]!.CalleeName).toBe('WILL SMITH')
    expect(parsed(payload).id).toBe('workflow.call.completed:task-1/a,b')
  })

  it('removes a field overridden with undefined, so invalid payloads are one line too', () => {
    const payload = buildEvent('workflow.call.completed', { TaskName: undefined })
    expect(payload).not.toHaveProperty('TaskName')
    const result = parse(JSON.stringify(payload))
    expect(result.ok).toBe(false)
    expect(result.invalid?.issues.map((issue) => issue.path)).toEqual(['TaskName'])
  })

  it('names the known types when asked for an unknown one', () => {
    expect(() => buildEvent('workflow.nope' as 'pds.task.status')).toThrow(
      /no sample of "workflow\.nope".*workflow\.call\.completed.*chatbot\.<event>/,
    )
  })
})
