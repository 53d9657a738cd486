/**
 * @module
 * AIRudder's documented body signature: `Sign` is the lowercase hex md5 of the UTF-8 text
 * `TaskID + KEY` (KEY defaults to `airudder`). Used by call completions and QA reports, and by
 * default for any body that carries `Sign`. A numeric `TaskID` is signed over its exact source text.
 *
 * ```ts
 * import { md5Sign } from '@airudder-webhooks/core'
 * const verifier = md5Sign({ keys: [process.env.AIRUDDER_KEY!, 'previous-key'] })
 * const result = verifier.verify(input) // { ok: true, method: 'md5Sign', keyIndex: 0 }
 * ```
 */
import { utf8ToBytes } from '@noble/hashes/utils.js'
import { topLevelNumberText } from '../events/exact-numbers'
import { timingSafeEqualString } from './constant-time'
import { hashHex } from './hash-backend'
import { matchKey, toKeyList } from './keys'
import type { SyncVerifier } from './sync-verifier'

export interface Md5SignOptions {
  /** Body field whose value is signed. Default `'TaskID'`. */
  readonly field?: string | undefined
  /** Body field holding the signature. Default `'Sign'`. */
  readonly signField?: string | undefined
  /** The KEY(s) agreed with AIRudder; several while rotating. Default `'airudder'`. */
  readonly keys?: string | readonly string[] | undefined
}

/** Lowercase hex md5 of the UTF-8 bytes of `text`. */
export function md5Hex(text: string): string {
  return hashHex('md5', utf8ToBytes(text))
}

const decoder = new TextDecoder()

function numberText(body: Uint8Array, field: string): string | undefined {
  return topLevelNumberText(decoder.decode(body), field)
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Checks `json[signField] === md5Hex(json[field] + KEY)` for any configured KEY. */
export function md5Sign(options: Md5SignOptions = {}): SyncVerifier {
  const name = 'md5Sign'
  const field = options.field ?? 'TaskID'
  const signField = options.signField ?? 'Sign'
  const keys = toKeyList(options.keys ?? 'airudder', name)
  // Every push of one task carries the same TaskID, hence the same expected Signs: the last
  // value's are kept, one per key, so a run of deliveries hashes once.
  let lastValue: string | undefined
  let expected: readonly string[] = []
  const expectedFor = (value: string) => {
    if (value !== lastValue) {
      expected = keys.map((key) => md5Hex(value + key))
      lastValue = value
    }
    return expected
  }
  return {
    name,
    verify(input) {
      const json = input.json
      if (!isRecord(json)) return { ok: false, reason: 'body is not a JSON object' }
      const sign = json[signField]
      if (sign === undefined || sign === null || sign === '') {
        return { ok: false, reason: `missing ${signField} field` }
      }
      if (typeof sign !== 'string') return { ok: false, reason: `${signField} field is not a string` }
      const value = json[field]
      if (value === undefined || value === null || value === '') {
        return { ok: false, reason: `missing ${field} field` }
      }
      // A numeric TaskID is signed as AIRudder wrote it: its exact source text.
      const signed = typeof value === 'number' ? numberText(input.body, field) : value
      if (typeof signed !== 'string') return { ok: false, reason: `${field} field is not a string or number` }
      // AIRudder documents lowercase hex; accept uppercase rather than fail on a cosmetic change.
      const received = sign.toLowerCase()
      const signs = expectedFor(signed)
      const keyIndex = matchKey(keys, (_, index) => timingSafeEqualString(received, signs[index] ?? ''))
      return keyIndex === -1
        ? { ok: false, reason: `${signField} does not match` }
        : { ok: true, method: name, keyIndex }
    },
  }
}
