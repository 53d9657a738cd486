import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { classify, createRegistry, defineEvent, parse } from '../src/index'
import { fixtureJson, fixtureText } from './fixtures'

/** "Webhook of Call" from the Collection product: not in AIRudder's public docs yet. */
const collectionCall = defineEvent({
  type: 'collection.call.completed',
  matches: { CaseID: 'string', CallID: 'string', Intention: 'string' },
  schema: z.looseObject({
    CaseID: z.string(),
    CallID: z.string(),
    Intention: z.string(),
    Duration: z.number(),
  }),
  id: (payload) => payload.CallID,
})

describe('defineEvent()', () => {
  const registry = createRegistry([collectionCall])
  const body = JSON.stringify({ CaseID: 'c-1', CallID: 'call-1', Intention: 'A', Duration: 31 })

  it('classifies and parses a push the kit does not know', () => {
    expect(classify({ json: JSON.parse(body) }, registry).type).toBe('collection.call.completed')
    const result = parse(body, { registry })
    expect(result.ok && result.event).toMatchObject({
      type: 'collection.call.completed',
      id: 'collection.call.completed:call-1',
      payload: { CaseID: 'c-1', CallID: 'call-1', Intention: 'A', Duration: 31 },
    })
  })

  it('leaves the built-ins in place next to user definitions', () => {
    expect(classify({ json: fixtureJson('pds-contact-status.json') }, registry).type).toBe(
      'pds.contact.status',
    )
    expect(classify({ json: JSON.parse(body) }).type).toBe('unknown')
  })

  it('overrides a built-in type with the same name', () => {
    const strictCalls = defineEvent({
      type: 'workflow.call.completed',
      matches: { workflow_id: 'string', TaskID: 'string', Details: 'array' },
      schema: z.object({ TaskID: z.string(), Details: z.array(z.object({ CallID: z.string() })).min(1) }),
    })
    const result = parse(fixtureText('workflow-call-completed.json'), {
      registry: createRegistry([strictCalls]),
    })
    expect(result.ok && result.event.payload).toEqual({
      TaskID: '490d5ec3c1xxxxxxxx2b759b5b',
      Details: [{ CallID: 'cad907xxxxxxxx35644a' }],
    })
  })

  it('takes a predicate as matcher', () => {
    const registry = createRegistry([
      defineEvent({
        type: 'inbound.call.ended',
        matches: (json) => json.kind === 'inbound',
        schema: z.looseObject({}),
      }),
    ])
    expect(classify({ json: { kind: 'inbound' } }, registry).type).toBe('inbound.call.ended')
  })

  it('reports a user payload that fails its schema as invalid, with paths', () => {
    const result = parse(
      JSON.stringify({ CaseID: 'c-1', CallID: 'call-1', Intention: 'A', Duration: 'long' }),
      {
        registry,
      },
    )
    expect(result.ok).toBe(false)
    expect(result.invalid).toMatchObject({
      type: 'collection.call.completed',
      issues: [{ path: 'Duration' }],
    })
  })

  it('refuses unusable definitions with a clear message', () => {
    // @ts-expect-error the schema is required
    expect(() => defineEvent({ type: 'x.y', matches: {} })).toThrow(/needs a zod `schema`/)
    expect(() => defineEvent({ type: 'unknown', matches: {}, schema: z.object({}) })).toThrow(
      /other than "unknown"/,
    )
    expect(() => createRegistry([collectionCall, collectionCall])).toThrow(/defined twice/)
  })
})
