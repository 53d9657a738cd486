/**
 * @module
 * Turns what the user named (a built-in type or a captured file) into the request to send: a type
 * becomes the test kit's sample, signed; a captured file is sent as captured unless `--key` or
 * `--scheme` asks for it to be re-signed.
 */
import { classify } from '@airudder-webhooks/core'
import { HEADER_SIGN_ALGORITHMS } from '@airudder-webhooks/core/schemas'
import { deliveryUrl, type SignScheme, signDelivery } from '@airudder-webhooks/core/testing'
import { UsageError } from './args'
import type { Captured } from './captured'
import type { Outgoing } from './post'

export const SCHEMES: readonly SignScheme[] = ['auto', 'md5', ...HEADER_SIGN_ALGORITHMS, 'url-token', 'none']

export function parseScheme(command: string, text: string | undefined): SignScheme | undefined {
  if (text === undefined) return undefined
  if ((SCHEMES as readonly string[]).includes(text)) return text as SignScheme
  throw new UsageError(command, `--scheme must be one of ${SCHEMES.join(', ')} (got "${text}")`)
}

export interface Signing {
  readonly key?: string | undefined
  readonly scheme?: SignScheme | undefined
  /** Extra headers (`--header`), applied last. */
  readonly headers: Readonly<Record<string, string>>
}

export interface Prepared extends Outgoing {
  readonly type: string
  /** How it is signed: a scheme name, or `as captured`. */
  readonly signed: string
}

/** Signs a JSON text (a sample or a captured body) for `url`. */
export function signed(text: string, url: URL, signing: Signing): Prepared {
  const delivery = signDelivery(text, { key: signing.key, scheme: signing.scheme ?? 'auto' })
  return {
    type: delivery.type,
    signed: delivery.scheme,
    url: deliveryUrl(url, delivery),
    body: delivery.body,
    headers: { ...delivery.headers, ...signing.headers },
  }
}

const SIGNATURE_HEADER = 'x-airudder-sign'
/** Headers a capture may hold that describe the old connection, not the delivery. */
const CONNECTION_HEADERS = new Set([
  'host',
  'content-length',
  'connection',
  'transfer-encoding',
  'keep-alive',
])

const deliveryHeaders = (headers: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !CONNECTION_HEADERS.has(name)))

function typeOf(text: string): string {
  try {
    return classify({ json: JSON.parse(text) }).type
  } catch {
    return 'not JSON'
  }
}

/**
 * AIRudder's published examples (the test kit's samples) carry a redacted `Sign`
 * (`a395ce1acxxxxxxxx7bab53f5`): no receiver could accept one, so it is signed by the kit when sent.
 */
function hasRedactedSign(text: string): boolean {
  const match = /"Sign"\s*:\s*"([^"]*)"/.exec(text)
  return match !== null && /x{4}/i.test(match[1] ?? '')
}

/**
 * A captured delivery, as captured (its own signature) or re-signed when a key or scheme is given,
 * or when its `Sign` is a documentation placeholder (signed with `--key`, default `airudder`).
 */
export function fromCaptured(captured: Captured, url: URL, signing: Signing): Prepared {
  if (signing.key === undefined && signing.scheme === undefined && hasRedactedSign(captured.text)) {
    const prepared = signed(captured.text, url, signing)
    return { ...prepared, signed: `${prepared.signed} (its Sign was a redacted placeholder)` }
  }
  if (signing.key !== undefined || signing.scheme !== undefined) {
    const { [SIGNATURE_HEADER]: _old, ...kept } = deliveryHeaders(captured.headers)
    return signed(captured.text, url, { ...signing, headers: { ...kept, ...signing.headers } })
  }
  const headers = {
    'content-type': 'application/json',
    ...deliveryHeaders(captured.headers),
    ...signing.headers,
  }
  // The captured URL's query (a URL token) travels with it; the host is the one given with --url.
  const target = new URL(url)
  if (captured.url !== undefined) {
    for (const [name, value] of new URL(captured.url, 'http://localhost').searchParams) {
      target.searchParams.set(name, value)
    }
  }
  return {
    type: typeOf(captured.text),
    signed: 'as captured',
    url: target.href,
    body: captured.body,
    headers,
  }
}
