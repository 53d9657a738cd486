import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtinEvents } from '../src/events/catalogue'
import { chatbotEvent } from '../src/events/chatbot'
import type { Matcher } from '../src/events/define-event'
import { compileMatcher, shapesOf } from '../src/events/shape'
import { compileGate, mayFit } from '../src/steps/probe-gate'

const matchers: Matcher[] = [...builtinEvents, chatbotEvent].map((definition) => definition.matches)

describe('compileGate', () => {
  it('leaves only the matchers whose top-level keys a body has', () => {
    const gate = compileGate([
      { workflow_id: 'string', Details: 'array' },
      [{ workflow_id: 'string', 'pds.type': { equals: 'TaskStatus' } }, { type: { equals: 'TaskStatus' } }],
      (json) => 'anything' in json,
      {},
    ])
    const call = gate({ workflow_id: 'w', Details: [], extra: 1 })
    expect([0, 1, 2, 3].map((index) => mayFit(call, index))).toEqual([true, false, true, true])
    const bare = gate({ type: 'TaskStatus' })
    expect([0, 1, 2, 3].map((index) => mayFit(bare, index))).toEqual([false, true, true, true])
    // A nested path needs its first segment only; the test itself reads the rest.
    const wrapped = gate({ workflow_id: 'w', pds: 'not an object' })
    expect([0, 1].map((index) => mayFit(wrapped, index))).toEqual([false, true])
    // An object built by hand may hide a key from enumeration; the shape's test still reads it.
    const hidden = Object.defineProperty({ workflow_id: 'w' }, 'Details', { value: [], enumerable: false })
    expect(mayFit(gate(hidden), 0)).toBe(true)
  })

  it('gates only the first 31 matchers; the rest are always tested', () => {
    const many: Matcher[] = Array.from({ length: 33 }, (_, index) => ({ [`k${index}`]: 'string' }))
    const mask = compileGate(many)({ k0: 'a' })
    expect(mayFit(mask, 0)).toBe(true)
    expect(mayFit(mask, 1)).toBe(false)
    expect(mayFit(mask, 30)).toBe(false)
    expect(mayFit(mask, 31)).toBe(true)
    expect(mayFit(mask, 32)).toBe(true)
  })

  it('never rules out a built-in matcher that fits the body', () => {
    // Bodies built from the built-ins' own fields (and a stray key), with values of every kind.
    const paths = [...new Set(matchers.flatMap((matcher) => (shapesOf(matcher) ?? []).flatMap(Object.keys)))]
    const values = fc.oneof(
      fc.constantFrom('ContactStatus', 'TaskStatus', 'AgentStatus', 'channel.message.sent', 7, [], {}),
      fc.string(),
      fc.integer(),
      fc.constant(null),
    )
    const body = fc.dictionary(fc.constantFrom(...paths, 'stray'), values).map((flat) => {
      const json: Record<string, unknown> = {}
      for (const [path, value] of Object.entries(flat)) {
        const [first, second] = path.split('.') as [string, string | undefined]
        if (second === undefined) json[first] = value
        else json[first] = { ...(json[first] as object), [second]: value }
      }
      return json
    })
    const gate = compileGate(matchers)
    const tests = matchers.map(compileMatcher)
    let fitted = 0
    fc.assert(
      fc.property(body, (json) => {
        const mask = gate(json)
        tests.forEach((test, index) => {
          if (!test(json)) return
          fitted++
          expect(mayFit(mask, index)).toBe(true)
        })
      }),
      { numRuns: 5_000 },
    )
    expect(fitted).toBeGreaterThan(100) // the bodies do fit some built-ins, so the property is exercised
  })
})
