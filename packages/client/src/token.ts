/**
 * @module
 * The API token: a string, or a function the client calls for one. AIRudder's token endpoint
 * gives no expiry, so a function's token is kept until a request is answered 401, then the
 * function is called again with `{ refresh: true }` and the request retried once.
 */

export type TokenSource = string | ((context: { readonly refresh: boolean }) => string | Promise<string>)

export interface Token {
  get(): Promise<string>
  /** Replaces a token the API refused; false when there is nothing to refresh (a fixed string). */
  refresh(refused: string): Promise<boolean>
}

export function tokenFrom(source: TokenSource): Token {
  if (typeof source === 'string') return { get: async () => source, refresh: async () => false }
  let current: Promise<string> | undefined
  const load = (refresh: boolean) => {
    const loading = Promise.resolve().then(() => source({ refresh }))
    // A failed load is not kept: the next request asks again.
    loading.catch(() => {
      if (current === loading) current = undefined
    })
    current = loading
    return loading
  }
  return {
    get: () => current ?? load(false),
    async refresh(refused) {
      // Concurrent requests refused with the same token share one refresh.
      const now = await (current ?? Promise.resolve(undefined)).catch(() => undefined)
      if (now === refused || now === undefined) await load(true)
      return true
    },
  }
}
