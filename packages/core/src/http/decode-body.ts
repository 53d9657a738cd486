/**
 * @module
 * `Content-Encoding`: gzip and deflate bodies are decoded with the Web `DecompressionStream` (every
 * runtime has it), and the size limit applies to the decoded bytes, so a small compressed body cannot
 * expand into a large one. Any other coding is refused with a clear 415 before decoding is tried.
 */
import { type Answer, failure } from '../webhooks/runtime'
import { tooLarge } from './preflight'
import { readWebBody } from './read-body'

const FORMATS: Readonly<Record<string, CompressionFormat>> = {
  gzip: 'gzip',
  'x-gzip': 'gzip',
  deflate: 'deflate',
}

/** The codings to undo, last applied first; `undefined` when one of them is not supported. */
function codings(header: string): CompressionFormat[] | undefined {
  const listed = header
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity')
  const formats = listed.map((coding) => FORMATS[coding])
  if (formats.some((format) => format === undefined)) return undefined
  return (formats as CompressionFormat[]).reverse()
}

async function inflate(body: Uint8Array, format: CompressionFormat, limit: number) {
  const stream = new Blob([body as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream(format))
  return readWebBody(stream, limit)
}

/** 415 for a `Content-Encoding` other than gzip, deflate or identity (checked before the body is read). */
export function refuseEncoding(contentEncoding: string | null | undefined): Answer | undefined {
  if (!contentEncoding || codings(contentEncoding) !== undefined) return undefined
  return failure(
    'unsupported_media_type',
    `Content-Encoding '${contentEncoding.slice(0, 50)}' is not supported; send gzip, deflate or no encoding`,
  )
}

/**
 * The body with its `Content-Encoding` undone (gzip, deflate), or the answer that refuses it: 413
 * when the decoded body passes `limit`, 400 when it is corrupt. Call `refuseEncoding` first.
 */
export async function decodeBody(
  body: Uint8Array,
  contentEncoding: string | null | undefined,
  limit: number,
): Promise<Uint8Array | Answer> {
  const formats = contentEncoding ? (codings(contentEncoding) ?? []) : []
  let decoded = body
  for (const format of formats) {
    try {
      const next = await inflate(decoded, format, limit)
      if (next === undefined) return tooLarge(limit)
      decoded = next
    } catch {
      return failure('unreadable_body', `The body is not valid ${format} data (Content-Encoding: ${format})`)
    }
  }
  return decoded
}
