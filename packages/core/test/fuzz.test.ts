import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createMemoryInbox, createRegistry, createWebhooks, type Inbox } from '../src/index'
import { fixtureJson, pushFixtures } from './fixtures'
import { post } from './webhooks/helpers'

const DOCUMENTED = new Set([200, 400, 401, 405, 409, 413, 415, 500, 503])
const registry = createRegistry()

/** Every handler re-checks what it was given against its type's schema. */
function fuzzTarget(inbox?: Inbox) {
  const webhooks = createWebhooks({
    verify: { '*': false },
    logger: false,
    maxBodyBytes: 256 * 1024,
    ...(inbox ? { inbox, processing: { autoStart: false } } : {}),
  })
  const violations: string[] = []
  let handled = 0
  webhooks.onAny((event) => {
    handled++
    if (event.type === 'unknown') return
    const definition = registry.get(event.type)
    if (!definition?.schema.safeParse(JSON.parse(event.raw)).success) violations.push(event.type)
  })
  return { webhooks, violations, handled: () => handled }
}

/** A fixture with random damage: fields dropped or retyped, huge strings, deep nesting, prototype keys. */
const mutatedFixture = fc
  .record({
    fixture: fc.constantFrom(...pushFixtures.map((f) => f.file)),
    drop: fc.array(fc.nat(), { maxLength: 3 }),
    retype: fc.array(fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })), { maxLength: 3 }),
    huge: fc.boolean(),
    nest: fc.nat({ max: 3000 }),
    proto: fc.boolean(),
  })
  .map(({ fixture, drop, retype, huge, nest, proto }) => {
    const json = fixtureJson(fixture)
    const keys = Object.keys(json)
    for (const index of drop) delete json[keys[index % keys.length]!]
    for (const [index, value] of retype) json[keys[index % keys.length]!] = value
    if (huge) json.TaskID = 'x'.repeat(100_000)
    if (nest > 0) json.nested = JSON.parse(`${'['.repeat(nest)}${']'.repeat(nest)}`)
    let body = JSON.stringify(json)
    if (proto)
      body = body.replace(
        /^\{/,
        '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
      )
    return body
  })

// Hundreds of full deliveries per property: seconds on a loaded 2-core CI machine, not a hang.
describe('fuzzing handle()', { timeout: 60_000 }, () => {
  it('answers random bytes with a documented status and never hands anything over invalid', async () => {
    const { webhooks, violations } = fuzzTarget()
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        const response = await webhooks.handle(post(bytes))
        expect(DOCUMENTED.has(response.status)).toBe(true)
        expect(await response.json()).toBeTypeOf('object')
      }),
      { numRuns: 300 },
    )
    expect(violations).toEqual([])
  })

  it('answers random JSON with a documented status', async () => {
    const { webhooks, violations } = fuzzTarget()
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const response = await webhooks.handle(post(JSON.stringify(value) ?? 'null'))
        expect(DOCUMENTED.has(response.status)).toBe(true)
      }),
      { numRuns: 300 },
    )
    expect(violations).toEqual([])
  })

  it('survives mutated fixtures: no crash, no schema-failing payload to a handler, no pollution', async () => {
    const { webhooks, violations, handled } = fuzzTarget()
    await fc.assert(
      fc.asyncProperty(mutatedFixture, async (body) => {
        const response = await webhooks.handle(post(body))
        expect(DOCUMENTED.has(response.status)).toBe(true)
      }),
      { numRuns: 200 },
    )
    expect(violations).toEqual([])
    expect(handled()).toBeGreaterThan(0)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('stores nothing for a rejected delivery, and only schema-checked or acknowledged ones otherwise', async () => {
    const inbox = createMemoryInbox()
    const { webhooks } = fuzzTarget(inbox)
    let stored = 0
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutatedFixture, fc.string(), fc.uint8Array({ maxLength: 512 })),
        async (body) => {
          const before = (await inbox.list({ limit: 1_000_000 })).length
          const response = await webhooks.handle(post(body))
          const after = (await inbox.list({ limit: 1_000_000 })).length
          if (response.status === 200) stored += after - before
          else expect(after).toBe(before)
        },
      ),
      { numRuns: 200 },
    )
    expect(stored).toBeGreaterThan(0)
  })
})
