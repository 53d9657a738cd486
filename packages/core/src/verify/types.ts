/**
 * @module
 * The contract every verifier implements. A verifier looks at one delivery exactly as it
 * arrived (raw bytes, headers, URL, client IP) and says whether it is authentic.
 */

/** What a verifier can look at. The body is the raw bytes: never a re-encoded copy. */
export interface VerifyInput {
  /** The request body exactly as received. */
  readonly body: Uint8Array
  /** The body parsed as JSON (body-field signatures such as `Sign` read it). */
  readonly json: unknown
  /** Request headers (lookups are case-insensitive). */
  readonly headers: Headers
  /** The full request URL, including its query string. */
  readonly url: string
  /** The client's IP address when the transport knows it. */
  readonly ip?: string | undefined
}

/** A passed check: which method passed and, where keys are involved, which key (by index, never its value). */
export interface VerifyPassed {
  readonly ok: true
  readonly method: string
  readonly keyIndex?: number
}

/** A failed check, with a reason that is safe to send to the client (no key, no expected signature). */
export interface VerifyFailed {
  readonly ok: false
  readonly reason: string
}

export type VerifyResult = VerifyPassed | VerifyFailed

/** A named check. Built-in verifiers are synchronous; user verifiers may be async. */
export interface Verifier {
  readonly name: string
  verify(input: VerifyInput): VerifyResult | Promise<VerifyResult>
}
