import { describe, expect, it } from 'vitest'
import { classify, parse } from '../src/index'
import { fixtureJson, fixtureText, pushFixtures } from './fixtures'

describe('classify()', () => {
  it.each(pushFixtures)('tells $file apart as $type', ({ file, type }) => {
    const result = classify({ json: fixtureJson(file) })
    expect(result.type).toBe(type)
    expect(result.reason).toBeUndefined()
  })

  it.each(pushFixtures)('$file parses into a valid $type event', ({ file, type }) => {
    const result = parse(fixtureText(file))
    expect(result.ok && result.event.type).toBe(type)
  })

  it('is deterministic: the same body always gets the same answer', () => {
    for (const { file } of pushFixtures) {
      const json = fixtureJson(file)
      expect(classify({ json })).toEqual(classify({ json: structuredClone(json) }))
    }
  })

  const nearMisses = pushFixtures.flatMap(({ file, type, discriminators }) =>
    discriminators.map((field) => ({ file, type, field })),
  )
  it.each(nearMisses)('$file without `$field` is unknown, not a wrong type', ({ file, field }) => {
    const json = fixtureJson(file)
    delete json[field]
    const result = classify({ json })
    expect(result.type).toBe('unknown')
    // Without `pds`, the workflow wrapper names the nested field; without its pinned `type`, a bare
    // PDS body matches nothing at all.
    const named =
      file === 'pds-contact-status.json'
        ? '`pds.type` is missing'
        : file.includes('.bare.')
          ? 'no known event shape matches'
          : `\`${field}`
    expect(result.reason).toContain(named)
  })

  it('near misses of the workflow-wrapped PDS form name the missing nested field', () => {
    const json = fixtureJson('pds-contact-status.json')
    json.pds.type = 'QueueStatus'
    const result = classify({ json })
    expect(result).toEqual({
      json,
      type: 'unknown',
      reason: expect.stringMatching(
        /closest to pds\.\w+\.status, but `pds\.type` is not equal to "\w+Status"/,
      ),
    })
  })

  it('names the closest type and the field with the wrong kind', () => {
    const json = fixtureJson('workflow-call-completed.json')
    json.Details = { not: 'an array' }
    expect(classify({ json }).reason).toBe(
      'closest to workflow.call.completed, but `Details` is not an array',
    )
  })

  it.each([
    [[1, 2], 'the body is a JSON array, not an object'],
    [null, 'the body is a JSON null, not an object'],
    ['text', 'the body is a JSON string, not an object'],
    [42, 'the body is a JSON number, not an object'],
  ])('explains why %j is unknown', (json, reason) => {
    expect(classify({ json })).toEqual({ json, type: 'unknown', reason })
  })

  it('lists field names (not values) when nothing comes close', () => {
    const result = classify({ json: { hello: 'secret-value', world: 1 } })
    expect(result.reason).toBe('no known event shape matches its top-level fields ("hello", "world")')
  })

  it('gives other chatbot event names their own chatbot.<event> type', () => {
    const json = { event: 'template.send_result', company: 'Chat_test', channel: 'WhatsApp', result: 'ok' }
    expect(classify({ json }).type).toBe('chatbot.template.send_result')
    const result = parse(JSON.stringify(json))
    expect(result.ok && result.event).toMatchObject({ type: 'chatbot.template.send_result', payload: json })
  })

  it('is not fooled by prototype keys', () => {
    const json = JSON.parse('{"__proto__": {"workflow_id": "x", "TaskID": "y", "Details": []}}')
    expect(classify({ json }).type).toBe('unknown')
  })
})
