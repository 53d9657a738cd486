/**
 * @module
 * Who listens to what: handlers by type name, by `'pds.*'`-style wildcard, or for everything
 * (`'*'`, which `onAny` uses). Lookup for one event is exact type + its wildcard + `'*'`.
 */
export type Handler<E = unknown, C = unknown> = (event: E, context: C) => unknown

export interface Listeners {
  add(subscriptions: string | readonly string[], handler: Handler): void
  remove(subscriptions: string | readonly string[], handler: Handler): void
  /** Every handler for one event type, each once, in subscription order within each group. */
  for(type: string): readonly Handler[]
}

export function createListeners(): Listeners {
  const byKey = new Map<string, Set<Handler>>()
  // Handlers change rarely and are looked up on every delivery, so each type's list is kept until
  // the next add or remove. Chatbot types come from the body, so the cache is bounded.
  const byType = new Map<string, readonly Handler[]>()
  const list = (subscriptions: string | readonly string[]) =>
    typeof subscriptions === 'string' ? [subscriptions] : subscriptions
  return {
    add(subscriptions, handler) {
      if (typeof handler !== 'function')
        throw new TypeError('@airudder-webhooks/core: a handler must be a function')
      for (const key of list(subscriptions)) {
        if (typeof key !== 'string' || key === '')
          throw new TypeError('@airudder-webhooks/core: on() needs an event type')
        const set = byKey.get(key) ?? new Set()
        set.add(handler)
        byKey.set(key, set)
        byType.clear()
      }
    },
    remove(subscriptions, handler) {
      for (const key of list(subscriptions)) byKey.get(key)?.delete(handler)
      byType.clear()
    },
    for(type) {
      const known = byType.get(type)
      if (known) return known
      const wildcard = `${type.split('.')[0]}.*`
      const handlers = new Set<Handler>()
      for (const key of [type, wildcard, '*'])
        for (const handler of byKey.get(key) ?? []) handlers.add(handler)
      const found = Object.freeze([...handlers])
      if (byType.size >= 256) byType.clear()
      byType.set(type, found)
      return found
    },
  }
}
