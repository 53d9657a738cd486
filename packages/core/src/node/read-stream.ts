/**
 * @module
 * Reads a Node request body with `data`/`end` listeners and the size limit. Node's async iterator
 * over a stream costs a promise per chunk and an end-of-stream watcher per request, the largest of
 * the Node bridge's own costs on a busy server; listeners cost neither. Any other async iterable
 * (a test double, a non-Node stream) is read by iteration.
 */
import { concatBytes, readLimited } from '../http/read-body'

/** The part of Node's `Readable` (an `IncomingMessage`) the listeners need. */
export interface NodeStreamLike extends AsyncIterable<Uint8Array | string> {
  on?(event: string, listener: (...args: never[]) => void): unknown
  // biome-ignore lint/suspicious/noExplicitAny: Node types `off`'s listener as `(...args: any[])`, which nothing narrower matches
  off?(event: string, listener: (...args: any[]) => void): unknown
  pause?(): unknown
}

const encoder = new TextEncoder()

/**
 * The body, or `undefined` once it passes `limit` bytes: then reading stops and the stream is paused,
 * so the rest is never buffered. Rejects when the stream fails or closes before its end (the
 * client broke off).
 */
export function readNodeBody(req: NodeStreamLike, limit: number): Promise<Uint8Array | undefined> {
  const { on, off } = req
  if (typeof on !== 'function' || typeof off !== 'function') return readLimited(req, limit)
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = []
    let size = 0
    const settle = (finish: () => void) => {
      off.call(req, 'data', onData)
      off.call(req, 'end', onEnd)
      off.call(req, 'error', onError)
      off.call(req, 'close', onClose)
      finish()
    }
    const onData = (chunk: Uint8Array | string) => {
      const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk
      size += bytes.byteLength
      if (size <= limit) parts.push(bytes)
      else
        settle(() => {
          req.pause?.()
          resolve(undefined)
        })
    }
    const onEnd = () => settle(() => resolve(concatBytes(parts, size)))
    const onError = (error: Error) => settle(() => reject(error))
    const onClose = () => settle(() => reject(new Error('the request closed before its body ended')))
    on.call(req, 'data', onData)
    on.call(req, 'end', onEnd)
    on.call(req, 'error', onError)
    on.call(req, 'close', onClose)
  })
}
