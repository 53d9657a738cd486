import { describe, expectTypeOf, it } from 'vitest'
import {
  type Classified,
  classify,
  type Decoded,
  decode,
  type EventResult,
  type Verified,
  validate,
  verify,
} from '../src/index'

describe('the pipeline steps line up', () => {
  it('each step takes the previous one, and narrows once its failure is ruled out', async () => {
    const decoded = decode(new Uint8Array())
    // @ts-expect-error a failed decode must be ruled out before classify
    classify(decoded)
    if (!decoded.ok) {
      expectTypeOf(decoded.code).toEqualTypeOf<'malformed_json'>()
      return
    }
    expectTypeOf(decoded).toEqualTypeOf<Decoded>()
    const classified = classify(decoded)
    expectTypeOf(classified).toEqualTypeOf<Classified>()
    // @ts-expect-error verify needs the classified delivery, not the decoded one
    await verify(decoded)
    const verified = await verify(classified)
    // @ts-expect-error a failed check must be ruled out before validate
    validate(verified)
    if (!verified.ok) {
      expectTypeOf(verified.code).toEqualTypeOf<'invalid_signature' | 'verifier_not_configured'>()
      return
    }
    expectTypeOf(verified).toEqualTypeOf<Verified>()
    const result = validate(verified)
    expectTypeOf(result).toEqualTypeOf<EventResult>()
    if (result.ok && result.event.type === 'workflow.call.completed') {
      expectTypeOf(result.event.payload.TaskID).toEqualTypeOf<string>()
    }
    if (!result.ok) expectTypeOf(result.code).toEqualTypeOf<'invalid_payload'>()
  })

  it('verify rules are checked against the event names', async () => {
    const decoded = decode('{}')
    if (!decoded.ok) return
    // @ts-expect-error misspelt type
    await verify(classify(decoded), { verify: { 'workflow.call.complete': false } })
    await verify(classify(decoded), { verify: { 'pds.*': false } })
  })
})
