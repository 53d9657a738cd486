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
  unsigned: 'none from AIRudder: configure `urlToken` or `ipAllowlist`',
}

const catalogue: readonly EventDefinition[] = [...builtinEvents, chatbotEvent]

/**
 * The built-in types AIRudder signs with `signing`, as verification targets: a type covered by a
 * wildcard definition (`chatbot.*` covers `chatbot.channel.message.sent`) is left out.
 */
export function typesSignedWith(signing: Signing): string[] {
  const types = catalogue.filter((definition) => definition.signing === signing).map(({ type }) => type)
  const wildcards = types.filter((type) => type.endsWith('.*')).map((type) => type.slice(0, -1))
  return types.filter((type) => type.endsWith('.*') || !wildcards.some((prefix) => type.startsWith(prefix)))
}
