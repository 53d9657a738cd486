/**
 * @module
 * The built-in verifiers answer synchronously, so their return type says so: callers that hold a
 * built-in one (tests, replays, a CLI) get a `VerifyResult` without `await`, while it still fits
 * anywhere a `Verifier` is expected.
 *
 * ```ts
 * const result = md5Sign().verify(input) // VerifyResult, not a Promise
 * ```
 */
import type { Verifier, VerifyInput, VerifyResult } from './types'

export interface SyncVerifier extends Verifier {
  verify(input: VerifyInput): VerifyResult
}
