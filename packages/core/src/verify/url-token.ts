/**
 * @module
 * A shared secret in the webhook URL (`https://example.com/hooks?token=…`), for the pushes
 * AIRudder does not sign (predictive dialer, workflow status). Weaker than a signature: the
 * token sits in every log that records URLs, so rotate it like a password.
 *
 * ```ts
 * import { urlToken } from '@airudder-webhooks/core'
 * const verifier = urlToken({ tokens: [process.env.PDS_TOKEN!, process.env.PDS_TOKEN_OLD!] })
 * ```
 */
import { timingSafeEqualString } from './constant-time'
import { matchKey, toKeyList } from './keys'
import type { SyncVerifier } from './sync-verifier'

export interface UrlTokenOptions {
  /** Query parameter holding the token. Default `'token'`. */
  readonly param?: string | undefined
  /** Accepted token(s); several while rotating. */
  readonly tokens: string | readonly string[]
}

/** The parameter's value, `null` when absent, `undefined` when the URL does not parse. */
function readParam(url: string, param: string): string | null | undefined {
  try {
    // Only the query string matters; the base lets a path-only URL (`/hooks?token=…`) parse too.
    return new URL(url, 'http://localhost').searchParams.get(param)
  } catch {
    return undefined
  }
}

/** Checks the URL's query parameter against every configured token in constant time. */
export function urlToken(options: UrlTokenOptions): SyncVerifier {
  const name = 'urlToken'
  const param = options.param ?? 'token'
  if (typeof param !== 'string' || param.length === 0) {
    throw new TypeError('@airudder-webhooks/core: urlToken `param` must be a non-empty query parameter name')
  }
  const tokens = toKeyList(options.tokens, name, 'token')
  // AIRudder posts every delivery to the same URL, so the last one parsed is kept: parsing a URL
  // costs more than the rest of this check.
  let lastUrl: string | undefined
  let lastParam: string | null | undefined
  return {
    name,
    verify(input) {
      if (input.url !== lastUrl) {
        lastParam = readParam(input.url, param)
        lastUrl = input.url
      }
      const received = lastParam
      if (received === undefined) return { ok: false, reason: 'request URL is not valid' }
      if (received === null || received === '')
        return { ok: false, reason: `missing ${param} query parameter` }
      const keyIndex = matchKey(tokens, (token) => timingSafeEqualString(received, token))
      return keyIndex === -1
        ? { ok: false, reason: `${param} query parameter does not match` }
        : { ok: true, method: name, keyIndex }
    },
  }
}
