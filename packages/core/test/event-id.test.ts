import { describe, expect, it } from 'vitest'
import { parse } from '../src/index'
import { rawBodyId } from '../src/schemas'
import { fixtureJson, fixtureText, pushFixtures } from './fixtures'

const idOf = (body: string) => {
  const result = parse(body)
  if (!result.ok) throw new Error('expected a valid event')
  return result.event.id
}

describe('idempotency ids', () => {
  it.each(pushFixtures)('$file: a retried delivery gets the same id', ({ file, type }) => {
    const body = fixtureText(file)
    expect(idOf(body)).toBe(idOf(body))
    expect(idOf(body).startsWith(`${type}:`)).toBe(true)
  })

  it.each([
    [
      'workflow-call-completed.json',
      'workflow.call.completed:490d5ec3c1xxxxxxxx2b759b5b/cad907xxxxxxxx35644a',
    ],
    ['pds-contact-status.json', 'pds.contact.status:48ff2faa9de34c0387eb688468d563a5/HANGUP/1668998317236'],
    ['evidence/pds-agent-status.bare.json', 'pds.agent.status:agent001/HANGUP/1700000000000'],
    [
      'evidence/qa-recording-reported.json',
      'qa.recording.reported:0eb6512129694be4a31440321ee7ee9f/rec-0001',
    ],
    ['evidence/workflow-list-completed.json', 'workflow.list.completed:wf-0001/test-caseid11/+620000000000'],
  ])('%s has the documented natural id', (file, id) => {
    expect(idOf(fixtureText(file))).toBe(id)
  })

  it('keeps the natural id when a retry re-serialises the same data differently', () => {
    const json = fixtureJson('workflow-call-completed.json')
    expect(idOf(JSON.stringify(json))).toBe(idOf(JSON.stringify(json, null, 2)))
  })

  it('gives different calls different ids', () => {
    const other = fixtureJson('workflow-call-completed.json')
    other.Details[0].CallID = 'another-call'
    expect(idOf(JSON.stringify(other))).not.toBe(idOf(fixtureText('workflow-call-completed.json')))

    const nextState = fixtureJson('pds-contact-status.json')
    nextState.pds.body.timestamp = '1668998317999'
    expect(idOf(JSON.stringify(nextState))).not.toBe(idOf(fixtureText('pds-contact-status.json')))
  })

  it('falls back to a SHA-256 of the raw body for types without a natural key', () => {
    const body = fixtureText('evidence/workflow-status-changed.json')
    expect(idOf(body)).toBe(rawBodyId('workflow.status.changed', new TextEncoder().encode(body)))
    expect(idOf(body)).toMatch(/^workflow\.status\.changed:sha256:[0-9a-f]{64}$/)
    expect(idOf(body)).not.toBe(idOf(body.replace('demo-workflow', 'other-workflow')))
  })

  it('uses the body hash for a task status without a timestamp, and the natural key with one', () => {
    const bare = fixtureText('evidence/pds-task-status.bare.json')
    expect(idOf(bare)).toMatch(/^pds\.task\.status:sha256:/)
    const json = JSON.parse(bare)
    json.body.timestamp = '1700000000000'
    expect(idOf(JSON.stringify(json))).toBe(
      'pds.task.status:0123456789abcdef0123456789abcdef/Finished/1700000000000',
    )
  })

  it('gives unknown events a body-hash id too', () => {
    expect(idOf('{"something":"else"}')).toMatch(/^unknown:sha256:[0-9a-f]{64}$/)
  })
})
