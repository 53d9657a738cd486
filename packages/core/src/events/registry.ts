/**
 * @module
 * A registry holds the definitions a receiver knows: the user's own (which take precedence and
 * may override a built-in type) and the built-in catalogue.
 *
 * ```ts
 * const registry = createRegistry([collectionCall])
 * classify({ json }, registry).type // 'collection.call.completed' | 'workflow.call.completed' | …
 * ```
 */
import type { z } from 'zod'
import { builtinEvents, type Definitions } from './catalogue'
import { chatbotEvent } from './chatbot'
import type { EventDefinition } from './define-event'

export interface Registry<D extends Definitions = []> {
  /** The user's definitions, in the order given. */
  readonly user: D
  /** The built-in definitions that no user definition overrides. */
  readonly builtins: readonly EventDefinition[]
  /** The definition that parses `type` (`chatbot.<event>` falls back to the generic chatbot one). */
  get(type: string): EventDefinition<string, z.ZodType> | undefined
}

export function createRegistry<const D extends Definitions = []>(
  definitions: D = [] as unknown as D,
): Registry<D> {
  const byType = new Map<string, EventDefinition<string, z.ZodType>>()
  for (const definition of definitions) {
    if (byType.has(definition.type)) {
      throw new TypeError(`@airudder-webhooks/core: event type '${definition.type}' is defined twice`)
    }
    byType.set(definition.type, definition)
  }
  const builtins = builtinEvents.filter((definition) => !byType.has(definition.type)) as EventDefinition[]
  for (const definition of builtins) byType.set(definition.type, definition)
  return {
    user: definitions,
    builtins,
    get: (type) => byType.get(type) ?? (type.startsWith('chatbot.') ? chatbotEvent : undefined),
  }
}

/** The registry of the built-in catalogue alone. */
export const defaultRegistry: Registry = createRegistry()
