/**
 * @module
 * Reads a body with a size limit that holds while streaming: reading stops (and the stream is
 * cancelled) as soon as the limit is passed, so an oversize or endless body is never buffered.
 */

/** Concatenates chunks into one Uint8Array; `undefined` when they pass `limit` bytes. */
export async function readLimited(
  chunks: AsyncIterable<Uint8Array | string>,
  limit: number,
  onTooLarge?: () => void,
): Promise<Uint8Array | undefined> {
  const parts: Uint8Array[] = []
  let size = 0
  const encoder = new TextEncoder()
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk
    size += bytes.byteLength
    if (size > limit) {
      onTooLarge?.()
      return undefined
    }
    parts.push(bytes)
  }
  return concatBytes(parts, size)
}

/** The parts as one Uint8Array of `size` bytes (a single part as it is). */
export function concatBytes(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0]
  const body = new Uint8Array(size)
  let offset = 0
  for (const part of parts) {
    body.set(part, offset)
    offset += part.byteLength
  }
  return body
}

/** Reads a Web `ReadableStream` body with the limit; a `null` body is empty. */
export async function readWebBody(body: ReadableStream<Uint8Array> | null, limit: number) {
  if (body === null) return new Uint8Array(0)
  const reader = body.getReader()
  const chunks = {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        yield value
      }
    },
  }
  return readLimited(chunks, limit, () => void reader.cancel().catch(() => undefined))
}
