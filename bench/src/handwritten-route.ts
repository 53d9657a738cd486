/**
 * @module
 * The route a user would write by hand instead of mounting the kit: the same checks (the `Sign`
 * field's md5 or the header's HMAC-SHA256, compared in constant time, with Node's native crypto),
 * `JSON.parse` and the hand-written zod schema; no drift handling, ids, duplicates or error bodies.
 * Every framework's `/handwritten` route answers with the status this returns.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { handwritten } from './handwritten'
import { HEADER_KEY, KEY } from './kit'

const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

/** 200 for a signed, valid delivery; 401 for a bad signature; 400 otherwise. */
export function handwrittenStatus(body: string, headerSign: string | null): 200 | 400 | 401 {
  const json = JSON.parse(body)
  if (Array.isArray(json?.messages)) {
    const expected = createHmac('sha256', HEADER_KEY).update(body).digest('hex')
    if (headerSign === null || !sameText(expected, headerSign)) return 401
    return handwritten['workflow.chatbot.session_ended']?.safeParse(json).success ? 200 : 400
  }
  const expected = createHash('md5').update(`${json?.TaskID}${KEY}`).digest('hex')
  if (typeof json?.Sign !== 'string' || !sameText(expected, json.Sign)) return 401
  return handwritten['workflow.call.completed']?.safeParse(json).success ? 200 : 400
}
