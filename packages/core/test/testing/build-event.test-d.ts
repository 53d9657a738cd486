import { describe, expectTypeOf, it } from 'vitest'
import { buildEvent, type SamplePayload } from '../../src/testing/index'

describe('buildEvent types', () => {
  it('types the payload from the sample', () => {
    expectTypeOf(buildEvent('pds.task.status').body.state).toEqualTypeOf<string>()
    expectTypeOf(buildEvent('workflow.call.completed').Details[0]?.CallTimes).toEqualTypeOf<
      number | undefined
    >()
    expectTypeOf(buildEvent('chatbot.anything').event).toEqualTypeOf<string>()
    expectTypeOf<SamplePayload<'chatbot.x'>>().not.toHaveProperty('messages')
  })

  it('checks overrides and type names', () => {
    // @ts-expect-error a misspelt field does not compile
    buildEvent('pds.task.status', { body: { stat: 'Running' } })
    // @ts-expect-error nor does a wrong value type
    buildEvent('workflow.call.completed', { Details: [{ CallTimes: 'two' }] })
    // @ts-expect-error nor an unknown type name
    buildEvent('workflow.call.complete')
    buildEvent('workflow.call.completed', { TaskName: undefined, Details: [{ CallID: 'a' }] })
  })
})
