/**
 * @module
 * Telling a built-in type name from a file path on the command line.
 */
import { buildEvent, SAMPLE_TYPES, type SampleType } from '@airudder-webhooks/core/testing'

/** A built-in type name or `chatbot.<event>` (anything with a path separator or `.json` is a file). */
export function isSampleName(text: string): text is SampleType | `chatbot.${string}` {
  if ((SAMPLE_TYPES as readonly string[]).includes(text)) return true
  return /^chatbot\.[\w.-]+$/.test(text) && !text.endsWith('.json')
}

export function buildSample(type: SampleType | `chatbot.${string}`): unknown {
  return buildEvent(type)
}
