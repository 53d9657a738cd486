import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readNodeBody } from '../../src/node/read-stream'

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes)

describe('readNodeBody', () => {
  it('joins the chunks of a stream, bytes and text alike', async () => {
    const stream = new PassThrough()
    const body = readNodeBody(stream, 100)
    stream.write(Buffer.from('{"a":'))
    stream.write('1}')
    stream.end()
    expect(text(await body)).toBe('{"a":1}')
    expect(stream.listenerCount('data')).toBe(0)
  })

  it('stops at the limit: undefined, the stream paused and nothing more kept', async () => {
    const stream = new PassThrough()
    const body = readNodeBody(stream, 8)
    stream.write('12345')
    stream.write('67890')
    expect(await body).toBeUndefined()
    expect(stream.isPaused()).toBe(true)
    expect(stream.listenerCount('data')).toBe(0)
  })

  it('rejects a stream that closes before its end (the client broke off)', async () => {
    const stream = new PassThrough()
    const body = readNodeBody(stream, 100)
    stream.write('{"a":')
    stream.destroy()
    await expect(body).rejects.toThrow('closed before its body ended')
  })

  it('rejects a stream that fails', async () => {
    const stream = new PassThrough()
    const body = readNodeBody(stream, 100)
    stream.destroy(new Error('ECONNRESET'))
    await expect(body).rejects.toThrow('ECONNRESET')
  })

  it('reads any other async iterable by iteration', async () => {
    const chunks = (async function* () {
      yield new TextEncoder().encode('{}')
    })()
    expect(text(await readNodeBody(chunks, 100))).toBe('{}')
  })
})
