/**
 * @module
 * The checks made before a single body byte is read: method (405), content type (415) and a
 * declared `Content-Length` over the limit (413). Shared by the Web handler and the Node bridge.
 */
import { type Answer, failure } from '../webhooks/runtime'

/** `application/json` or any `application/*+json`, with or without parameters. */
export function isJsonContentType(value: string | null | undefined): boolean {
  if (!value) return false
  const type = value.split(';', 1)[0]?.trim().toLowerCase() ?? ''
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))
}

export function tooLarge(limit: number): Answer {
  return failure('payload_too_large', `The body is larger than the ${limit}-byte limit`)
}

export function preflight(
  method: string | undefined,
  contentType: string | null | undefined,
  contentLength: string | null | undefined,
  limit: number,
): Answer | undefined {
  if (method?.toUpperCase() !== 'POST') {
    return failure('method_not_allowed', `AIRudder webhooks are POST requests, not ${method}`, {
      Allow: 'POST',
    })
  }
  if (!isJsonContentType(contentType)) {
    const sent = contentType ? `'${contentType.slice(0, 100)}'` : 'none'
    return failure('unsupported_media_type', `Expected Content-Type application/json, got ${sent}`)
  }
  if (contentLength && Number(contentLength) > limit) return tooLarge(limit)
  return undefined
}
