/**
 * @module
 * Which built-in types AIRudder signs how, read from each definition's `signing`, and the words
 * the docs table uses for each scheme. Adding a push means writing its definition, nothing else.
 *
 * ```ts
 * typesSignedWith('header-sign') // ['workflow.chatbot.session_ended', 'chatbot.*']
 * ```
 */
import { builtinEvents } from './catalogue'
import { chatbotEvent } from './chatbot'
import type { EventDefinition, Signing } from './define-event'

/** How the README's event table describes each scheme. */
export const SIGNING_DOCS: Readonly<Record<Signing, string>> = {
  'md5-sign': 'body `Sign` = md5(TaskID + KEY), default KEY `airudder`',
  'header-sign': '`X-AIRudder-Sign` header (algorithm not published: choose one with `headerSign`)',
  unsigned: "none from AIRudder: the `'*'` rule (e.g. `urlToken`) or a rule for the type",
}

const catalogue: readonly EventDefinition[] = [...builtinEvents, chatbotEvent]

const family = (type: string) => type.slice(0, type.indexOf('.') + 1)

/**
 * The built-in types AIRudder signs with `signing`, as verification targets: a family whose
 * several built-in types all share the scheme is named once by its wildcard (`pds.*` for the three
 * dialer pushes), and a type covered by a wildcard definition (`chatbot.*` covers
 * `chatbot.channel.message.sent`) is left out.
 */
export function typesSignedWith(signing: Signing): string[] {
  const types = catalogue.filter((definition) => definition.signing === signing).map(({ type }) => type)
  const whole = new Set(
    types.map(family).filter((prefix) => {
      const members = catalogue.filter((definition) => definition.type.startsWith(prefix))
      return members.length > 1 && members.every((definition) => definition.signing === signing)
    }),
  )
  const targets = types.map((type) => (whole.has(family(type)) ? `${family(type)}*` : type))
  return [...new Set(targets)]
}
