/**
 * @module
 * JSON Schema (draft 2020-12) of every event type, generated from its zod schema with
 * `z.toJSONSchema(schema, { io: 'input' })`: the input side, i.e. what AIRudder sends, before the
 * kit normalises numbers. The PDS schemas lift the workflow form's `pds: { type, body }` with a
 * preprocess step, which JSON Schema cannot express, so their schema lists both forms (`anyOf`).
 *
 * ```ts
 * import { eventJsonSchemas } from '@airudder-webhooks/cli'
 * for (const { type, file, schema } of eventJsonSchemas()) console.log(type, file, schema.title)
 * ```
 */

import type { EventDefinition } from '@airudder-webhooks/core'
import { builtinEvents, chatbotEvent } from '@airudder-webhooks/core/schemas'
import { z } from 'zod'

export type JsonSchema = { readonly [key: string]: unknown }

export interface EventJsonSchema {
  /** The definition's type (`chatbot.*` for the generic chatbot report). */
  readonly type: string
  /** The file name under `packages/core/schemas/`. */
  readonly file: string
  readonly schema: JsonSchema
}

/** The built-in definitions, with the generic chatbot one after the typed chatbot report. */
export function schemaDefinitions(): readonly EventDefinition[] {
  const list: EventDefinition[] = [...(builtinEvents as readonly EventDefinition[])]
  let afterChatbot = list.length
  list.forEach((definition, index) => {
    if (definition.type.startsWith('chatbot.')) afterChatbot = index + 1
  })
  list.splice(afterChatbot, 0, chatbotEvent as EventDefinition)
  return list
}

export const fileName = (type: string) => (type === 'chatbot.*' ? 'chatbot.event.json' : `${type}.json`)

const hasWrappedPdsForm = (definition: EventDefinition) =>
  Array.isArray(definition.matches) &&
  (definition.matches as readonly object[]).some((shape) => Object.hasOwn(shape, 'pds.type'))

/** `{ …workflow fields, pds: { type, body } }`, from the lifted (bare) form's schema. */
function wrappedPdsForm(bare: Record<string, unknown>): JsonSchema {
  const { type, body, ...workflow } = (bare.properties ?? {}) as Record<string, unknown>
  return {
    type: 'object',
    properties: {
      ...workflow,
      pds: {
        type: 'object',
        properties: { type, body },
        required: ['type', 'body'],
        additionalProperties: {},
      },
    },
    required: ['pds'],
    additionalProperties: {},
  }
}

export function eventJsonSchema(definition: EventDefinition): JsonSchema {
  const { $schema, ...generated } = z.toJSONSchema(definition.schema, { io: 'input' }) as Record<
    string,
    unknown
  >
  const title = definition.type === 'chatbot.*' ? 'chatbot.<event>' : definition.type
  const head = { $schema, title, ...(definition.docs ? { description: definition.docs.push } : {}) }
  if (hasWrappedPdsForm(definition)) return { ...head, anyOf: [generated, wrappedPdsForm(generated)] }
  return { ...head, ...generated }
}

export function eventJsonSchemas(): EventJsonSchema[] {
  return schemaDefinitions().map((definition) => ({
    type: definition.type,
    file: fileName(definition.type),
    schema: eventJsonSchema(definition),
  }))
}
