import type { RequestListener } from 'node:http'
import type { Send } from '@airudder-webhooks/conformance'
import request from 'supertest'

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options'

/** Sends one request to `app` with supertest and maps the answer to the suite's `{ status, body }`. */
export const sendTo =
  (app: RequestListener): Send =>
  async ({ method, path, headers, body }) => {
    let test = request(app)[method.toLowerCase() as Method](path).set(headers)
    if (typeof body === 'string') {
      // A string goes out byte for byte once Content-Type is set (superagent only re-encodes objects).
      test = test.send(body)
    } else if (body !== undefined) {
      // Buffers would be JSON-serialised for a JSON Content-Type unless the serializer is the identity.
      test = test.serialize((data: unknown) => data as string).send(Buffer.from(body))
    }
    const response = await test
    return { status: response.status, body: parseText(response.text) }
  }

export function parseText(text: string | undefined): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
