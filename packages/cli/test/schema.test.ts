import { readFileSync } from 'node:fs'
import { builtinEvents } from '@airudder-webhooks/core/schemas'
import { describe, expect, it } from 'vitest'
import { cli } from './helpers'

const DRAFT = 'https://json-schema.org/draft/2020-12/schema'
const schemaDir = new URL('../../core/schemas/', import.meta.url)
const types = [...builtinEvents.map((definition) => definition.type), 'chatbot.<event>']

describe('schema', () => {
  it('prints every type as one object of draft 2020-12 JSON Schemas', async () => {
    const result = await cli(['schema'])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    const all = JSON.parse(result.stdout) as Record<string, Record<string, unknown>>
    expect(Object.keys(all).sort()).toEqual([...types].sort())
    for (const [type, schema] of Object.entries(all)) {
      expect(schema.$schema).toBe(DRAFT)
      expect(schema.title).toBe(type)
      expect(schema.type === 'object' || Array.isArray(schema.anyOf)).toBe(true)
    }
  })

  it.each(builtinEvents.map((definition) => definition.type))(
    'prints %s exactly as committed under packages/core/schemas/',
    async (type) => {
      const result = await cli(['schema', type])
      expect(result.code).toBe(0)
      const schema = JSON.parse(result.stdout)
      expect(schema).toMatchObject({ $schema: DRAFT, title: type })
      expect(result.stdout).toBe(readFileSync(new URL(`${type}.json`, schemaDir), 'utf8'))
    },
  )

  it('describes the input side: numbers may arrive as strings, the required fields are listed', async () => {
    const schema = JSON.parse((await cli(['schema', 'workflow.call.completed'])).stdout)
    expect(schema.required).toEqual(expect.arrayContaining(['TaskID', 'Sign', 'Details', 'workflow_id']))
    const callTimes = schema.properties.Details.items.properties.CallTimes
    expect(callTimes).toEqual({ type: ['number', 'string'] })
  })

  it('gives the PDS types both forms AIRudder sends (bare and workflow-wrapped)', async () => {
    const schema = JSON.parse((await cli(['schema', 'pds.contact.status'])).stdout)
    expect(schema.anyOf).toHaveLength(2)
    expect(schema.anyOf[0].required).toEqual(['type', 'body'])
    expect(schema.anyOf[1].required).toEqual(['pds'])
    expect(schema.anyOf[1].properties.pds.properties.type).toEqual({ type: 'string', const: 'ContactStatus' })
  })

  it('prints the generic chatbot schema for any chatbot.<event>', async () => {
    const schema = JSON.parse((await cli(['schema', 'chatbot.session.started'])).stdout)
    expect(schema).toMatchObject({ title: 'chatbot.<event>', required: ['event', 'company', 'channel'] })
  })

  it('prints --help listing the types, and exits 2 on an unknown type', async () => {
    const help = await cli(['schema', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Types: workflow.call.completed, ')
    const unknown = await cli(['schema', 'workflow.nope'])
    expect(unknown).toMatchObject({ code: 2, stdout: '' })
    expect(unknown.stderr).toContain('airudder-webhooks schema: unknown event type "workflow.nope"; types: ')
  })
})
