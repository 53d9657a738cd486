/**
 * The compiled validators (generated from the zod schemas by scripts/compile-validators.mjs) against
 * zod itself: on every fixture, on drifted and damaged copies of them, and on arbitrary JSON, each
 * accepts exactly what zod accepts and produces an equal payload. `parse()` (which falls back to zod
 * for whatever the compiled validator refuses) must answer exactly as zod alone would.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { exactJson } from '../src/events/exact-numbers'
import { builtinEvents, chatbotEvent } from '../src/schemas'
import { BAIL, NO } from '../src/steps/compiled/runtime'
import { compiledValidators } from '../src/steps/compiled/validators.generated'
import { parse } from '../src/steps/parse'
import { fixtureJson, fixtureText, pushFixtures } from './fixtures'

const definitions = [...builtinEvents, chatbotEvent]
const schemaOf = (type: string) => definitions.find((d) => d.type === type)?.schema as z.ZodType

const copy = (json: unknown): unknown => JSON.parse(JSON.stringify(json))

/** Whether any object in `json` has an own `__proto__` key (zod drops it; the compiled validator defers). */
function hasProtoKey(json: unknown): boolean {
  if (typeof json !== 'object' || json === null) return false
  if (!Array.isArray(json) && Object.hasOwn(json, '__proto__')) return true
  return Object.values(json).some(hasProtoKey)
}

/** Runs both on separate copies and checks they agree; returns whether both accepted. */
function agree(type: string, json: unknown): boolean {
  const schema = schemaOf(type)
  const compiled = compiledValidators.get(schema)
  if (compiled === undefined) throw new Error(`no compiled validator for ${type}`)
  const expected = schema.safeParse(copy(json))
  const actual = compiled(copy(json))
  const accepted = actual !== NO && actual !== BAIL
  if (accepted) {
    expect(expected.success, `zod refuses what the compiled ${type} accepts`).toBe(true)
    expect(actual).toStrictEqual(expected.data)
  } else if (!hasProtoKey(json)) {
    expect(expected.success, `the compiled ${type} refuses what zod accepts`).toBe(false)
  }
  return accepted
}

/** Every path into a JSON value, with the value there. */
function paths(json: unknown, at: (string | number)[] = []): [(string | number)[], unknown][] {
  const here: [(string | number)[], unknown][] = [[at, json]]
  if (typeof json !== 'object' || json === null) return here
  const entries = Array.isArray(json) ? json.map((v, i) => [i, v] as const) : Object.entries(json)
  return here.concat(...entries.map(([key, value]) => paths(value, [...at, key])))
}

/** The drift AIRudder is known for, and plain damage: retyped, nulled, dropped, replaced values. */
const drift = (value: unknown): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    fc.constant(undefined), // dropped
    fc.constant(typeof value === 'number' ? String(value) : value),
    fc.constant(typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
    fc.constantFrom('', '20,000.00', '1668998317236', '12.50', '-0', '9007199254740993', 'text'),
    fc.constantFrom(0, -1, 1.5, 2 ** 53, 1e21, 1668998317236),
    fc.constantFrom(true, [], {}, [{}], { type: 'text', text: 1 }),
    fc.jsonValue({ maxDepth: 2 }),
  )

function setAt(json: any, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value
  const parent = path.slice(0, -1).reduce((node, key) => node[key], json)
  const last = path.at(-1) as string | number
  if (value === undefined && !Array.isArray(parent)) delete parent[last]
  else parent[last] = value
  return json
}

const mutated = (file: string) => {
  const all = paths(fixtureJson(file)).filter(([path]) => path.length > 0) // the root: see arbitrary JSON
  return fc
    .array(
      fc.nat({ max: all.length - 1 }).chain((index) => {
        const [path, value] = all[index] as [(string | number)[], unknown]
        return drift(value).map((replacement) => [path, replacement] as const)
      }),
      { minLength: 1, maxLength: 3 },
    )
    .map((changes) => {
      let json = fixtureJson(file)
      for (const [path, value] of changes) {
        try {
          json = setAt(json, path, value)
        } catch {
          // an earlier change removed the parent: skip this one
        }
      }
      return json
    })
}

describe('compiled validators agree with zod', { timeout: 60_000 }, () => {
  it('cover every built-in schema', () => {
    for (const definition of definitions) expect(compiledValidators.has(definition.schema)).toBe(true)
  })

  it.each(pushFixtures)('$file as published', ({ file, type }) => {
    expect(agree(type, fixtureJson(file))).toBe(true)
  })

  it('normalise in place: the objects that pass are the ones returned', () => {
    const json = fixtureJson('workflow-call-completed.json')
    const [detail] = json.Details
    json.TaskID = 4585
    const payload = compiledValidators.get(schemaOf('workflow.call.completed'))?.(json) as typeof json
    expect(payload).toBe(json)
    expect(payload.Details[0]).toBe(detail)
    expect(payload.TaskID).toBe('4585')
  })

  it.each(pushFixtures)('$file drifted and damaged at random paths', ({ file, type }) => {
    let accepted = 0
    fc.assert(
      fc.property(mutated(file), (json) => {
        if (agree(type, json)) accepted++
      }),
      { numRuns: 150 },
    )
    // The drift must exercise the accepting side too, not only rejections.
    expect(accepted).toBeGreaterThan(15)
  })

  it.each(definitions.map((d) => d.type))('%s on arbitrary JSON objects', (type) => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), (json) => {
        agree(type, json)
      }),
      { numRuns: 100 },
    )
  })
})

describe('parse() answers as zod alone would', { timeout: 60_000 }, () => {
  it.each(pushFixtures)('$file, damaged copies included', ({ file, type }) => {
    fc.assert(
      fc.property(mutated(file), fc.boolean(), (json, proto) => {
        if (json === undefined) return
        let text = JSON.stringify(json)
        if (proto && text.startsWith('{')) text = `{"__proto__":{"polluted":true},${text.slice(1)}`
        const result = parse(text)
        const classified = result.ok ? result.event.type : result.invalid?.type
        if (classified !== type) return // malformed, or classified as another type
        const expected = schemaOf(type).safeParse(exactJson(text, JSON.parse(text)))
        if (result.ok) {
          expect(expected.success).toBe(true)
          expect(result.event.payload).toStrictEqual(expected.data)
        } else {
          expect(expected.success).toBe(false)
          expect(result.invalid?.json).toStrictEqual(exactJson(text, JSON.parse(text)))
          expect(result.invalid?.issues).toEqual(
            expected.error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
          )
        }
      }),
      { numRuns: 100 },
    )
  })

  it('hands the raw text over unchanged', () => {
    const text = fixtureText('workflow-call-completed.json')
    const result = parse(text)
    expect(result.ok && result.event.raw).toBe(text)
  })
})
