import { expect } from 'vitest'
import type { VerifyInput, VerifyResult } from '../../src/verify/types'

interface InputParts {
  readonly body?: string | Uint8Array
  readonly json?: unknown
  readonly headers?: Record<string, string>
  readonly url?: string
  readonly ip?: string
}

/** A delivery as a transport would hand it over; `json` defaults to the parsed body. */
export function makeInput(parts: InputParts = {}): VerifyInput {
  const text = typeof parts.body === 'string' ? parts.body : undefined
  const body =
    typeof parts.body === 'string' ? new TextEncoder().encode(parts.body) : (parts.body ?? new Uint8Array())
  const json = 'json' in parts ? parts.json : text === undefined ? undefined : JSON.parse(text)
  const base = {
    body,
    json,
    headers: new Headers(parts.headers),
    url: parts.url ?? 'https://example.com/hooks',
  }
  return parts.ip === undefined ? base : { ...base, ip: parts.ip }
}

/** A failed result whose reason leaks none of the secrets (keys, expected or received signatures). */
export function expectSafeFailure(result: VerifyResult, reason: string, secrets: readonly string[]): void {
  expect(result).toEqual({ ok: false, reason })
  for (const secret of secrets) expect(reason.toLowerCase()).not.toContain(secret.toLowerCase())
}
